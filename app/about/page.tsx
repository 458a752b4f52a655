import type { Metadata } from "next";

export const metadata: Metadata = { title: "About and credits" };

const ARCHIVES = [
  {
    name: "Open Terms Archive",
    what: "contrib-versions, pga-versions, vlopses-us-versions and france-versions collections",
    license: "ODC-BY 1.0",
    attribution:
      "Open Terms Archive Core Team and contributors; Platform Governance Archive v2 (Katzenbach et al. 2023, doi:10.26092/elib/2373); with contributions from UFC-Que Choisir and the Office of the French Ambassador for Digital Affairs",
  },
  {
    name: "ToS;DR tosback-versions",
    what: "the tosback2 crawls, 2012–2021",
    license: "ODC-BY 1.0",
    attribution: "Office of the French Ambassador for Digital Affairs",
  },
  {
    name: "Platform Governance Archive v1 (pga-corpus)",
    what: "versions built from the Wayback Machine, 2004–2021",
    license: "ODC-BY 1.0",
    attribution:
      "Platform Governance Archive v1, Katzenbach et al. 2023, doi:10.17605/OSF.IO/XSBPT",
  },
  {
    name: "privacy-policies-through-time (workmanjack)",
    what: "Amazon and Apple privacy policies, 2000–2018",
    license: "MIT (the compilation)",
    attribution: "Jack Workman",
  },
];

export default function AboutPage() {
  return (
    <>
      <h1>About Termtrail</h1>
      <p className="lede">
        Termtrail is built for regulators, researchers and journalists who investigate how large
        platforms change the terms they impose on users and partners: forced-consent deadlines,
        data-sharing expansions, and pressure on partners for their customers&apos; data. Its
        scrapers archive the documents over time; every figure on these pages comes from that
        archive and can be traced to a version of a document.
      </p>
      <h2>Where the history comes from</h2>
      <p>
        Besides what Termtrail captures itself, the history before it started comes from public
        archives. The texts remain their publishers&apos; copyright; the archives publish them as
        databases under the licences below, which ask for this attribution.
      </p>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th>Archive</th>
              <th>What</th>
              <th>Licence</th>
              <th>Attribution</th>
            </tr>
          </thead>
          <tbody>
            {ARCHIVES.map((a) => (
              <tr key={a.name}>
                <td>{a.name}</td>
                <td>{a.what}</td>
                <td>{a.license}</td>
                <td>{a.attribution}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted">
        Open Data Commons Attribution License (ODC-BY 1.0):
        https://opendatacommons.org/licenses/by/1-0/. The licence texts ship with Termtrail in{" "}
        <code>db/seed/LICENSES/</code>.
      </p>
    </>
  );
}
