import path from "node:path";
import { PROJECT_ROOT } from "../embedded";

/** The platforms whose archived history ships with Termtrail (see db/seed/CREDITS.md). */
export const SEED_PLATFORMS = ["whatsapp", "facebook", "instagram", "amazon", "alexa", "spotify"];
export const SEED_CORPUS_FILE = path.join(PROJECT_ROOT, "db", "seed", "corpus.json.br");
