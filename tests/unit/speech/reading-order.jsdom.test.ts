// @vitest-environment jsdom
// The same reading-order cases under jsdom: the walker must not depend on one fake DOM's quirks.
import { readingOrderCases } from './reading-order.cases';

readingOrderCases();
