import { readingOrderCases } from './reading-order.cases';

readingOrderCases();
