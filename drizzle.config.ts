import { defineConfig } from "drizzle-kit";

// Generating migrations needs no database: `npm run db:generate` diffs the schema files.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  out: "./db/migrations",
});
