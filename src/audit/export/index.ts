export { toJson, type JsonExportOptions } from './json';
export { toHtml, type HtmlExportOptions } from './html';
export { toCsv, csvRows, CSV_COLUMNS, type CsvExportOptions } from './csv';
export { toJunit, type JunitExportOptions } from './junit';
export { toSarif, toSarifLog, SARIF_SCHEMA_URI, SARIF_FINGERPRINT_KEY, type SarifExportOptions } from './sarif';
export { escapeHtml, escapeXml, safeHttpUrl } from './shared';
