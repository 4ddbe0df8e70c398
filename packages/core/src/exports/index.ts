export { type CsvExport, exportRecords } from "./export-records";
