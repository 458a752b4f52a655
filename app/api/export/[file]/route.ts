/**
 * GET /api/export/<dataset>.csv|json?<filters>: the whole filtered set, streamed from a
 * cursor. Parse → query → stream; everything else lives in db/queries/datasets.
 */
import {
  CONTENT_TYPES,
  DATASET_NAMES,
  DatasetParamError,
  datasetByName,
  type ExportFormat,
  exportFilename,
  exportStream,
  parseDatasetQuery,
} from "@/db/queries/datasets";
import { getDb } from "@/db/server";

export const dynamic = "force-dynamic";

const problem = (status: number, error: string) =>
  Response.json({ error }, { status, headers: { "Cache-Control": "no-store" } });

export async function GET(request: Request, ctx: { params: Promise<{ file: string }> }) {
  const { file } = await ctx.params;
  const match = /^([a-z]+)\.(csv|json)$/.exec(file);
  const dataset = match ? datasetByName(match[1] as string) : undefined;
  if (!match || !dataset)
    return problem(
      404,
      `No export "${file}". Exports: ${DATASET_NAMES.map((n) => `${n}.csv, ${n}.json`).join(", ")}.`,
    );
  const format = match[2] as ExportFormat;
  let query: ReturnType<typeof parseDatasetQuery>;
  try {
    query = parseDatasetQuery(dataset, new URL(request.url).searchParams);
  } catch (error) {
    if (error instanceof DatasetParamError) return problem(400, `Bad parameter: ${error.message}`);
    throw error;
  }
  const db = await getDb();
  const body = exportStream(db.$client, dataset, query, format);
  return new Response(body, {
    headers: {
      "Content-Type": CONTENT_TYPES[format],
      "Content-Disposition": `attachment; filename="${exportFilename(dataset, format)}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
