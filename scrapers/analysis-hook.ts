import type { AfterChange } from "@/db/queries/archive";

/** Runs the detectors on a new change, inside its transaction. Wired up with the analyze stage. */
export const afterChangeAnalysis: AfterChange | undefined = undefined;
