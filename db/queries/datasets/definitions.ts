import { cases } from "./cases";
import { changes } from "./changes";
import { documents } from "./documents";
import { events } from "./events";
import { findings } from "./findings";
import { runs } from "./runs";
import type { Dataset } from "./types";
import { versions } from "./versions";

/** The registry of datasets; each definition lives in its own file next to this one. */
export const DATASETS: Record<string, Dataset> = {
  events,
  cases,
  documents,
  versions,
  changes,
  findings,
  runs,
};

export const DATASET_NAMES = Object.keys(DATASETS);

export function datasetByName(name: string): Dataset | undefined {
  return Object.hasOwn(DATASETS, name) ? DATASETS[name] : undefined;
}
