export { CREDITS } from "./credits";
export { csvCell, csvLines, guardFormula } from "./csv";
export { DATASET_NAMES, DATASETS, datasetByName } from "./definitions";
export { CONTENT_TYPES, type ExportFormat, exportFilename, exportStream } from "./export";
export {
  DatasetParamError,
  type DatasetQuery,
  DEFAULT_PAGE_SIZE,
  PAGE_SIZES,
  parseDatasetQuery,
  toSearchParams,
} from "./params";
export { COUNT_CAP, datasetPage, selectSql } from "./query";
export type { ColumnType, Dataset, DatasetColumn, DatasetFilter } from "./types";
