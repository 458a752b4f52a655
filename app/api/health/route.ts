import { healthReport } from "@/db/queries/health";
import { getDb } from "@/db/server";

export const dynamic = "force-dynamic";

/** /health as JSON, for monitors: 200 when nothing is failing and a worker is alive, else 503. */
export async function GET() {
  const report = await healthReport(await getDb());
  return Response.json(report, {
    status: report.ok ? 200 : 503,
    headers: { "cache-control": "no-store" },
  });
}
