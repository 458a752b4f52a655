import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { caseList } from "@/db/queries/cases-read";
import { getDb } from "@/db/server";
import { formatDate } from "../format";

export const metadata: Metadata = { title: "Cases" };

export default async function CasesPage() {
  await connection();
  const list = await caseList(await getDb());
  return (
    <>
      <h1>Partner-pressure cases</h1>
      <p className="lede">
        A dominant platform pressing a partner for its customers&apos; data: who pressed whom, for
        what data, and with what leverage. <a href="/api/export/cases.csv">CSV</a>
      </p>
      {list.length === 0 ? (
        <p className="empty">No case recorded yet.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th>Case</th>
                <th>Platform</th>
                <th>Partner</th>
                <th className="hide-narrow">Data demanded</th>
                <th className="hide-narrow">Leverage</th>
                <th>Dates</th>
                <th className="hide-narrow">Status</th>
              </tr>
            </thead>
            <tbody>
              {list.map((c) => (
                <tr key={c.id}>
                  <td>
                    <Link href={`/cases/${c.id}`}>{c.title}</Link>
                    {c.uncertain ? (
                      <span className="status status-uncertain">uncertain</span>
                    ) : null}
                  </td>
                  <td>
                    <Link href={`/platforms/${c.platformSlug}`}>{c.platform}</Link>
                  </td>
                  <td>{c.partner}</td>
                  <td className="hide-narrow">{c.demanded.join(", ") || "—"}</td>
                  <td className="hide-narrow">{c.leverage.join("; ")}</td>
                  <td>
                    {formatDate(c.startedOn)}
                    {c.endedOn ? ` – ${formatDate(c.endedOn)}` : ""}
                  </td>
                  <td className="hide-narrow">{c.status}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
