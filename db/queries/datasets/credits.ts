/**
 * The attribution the archives' licence asks for (ODC-BY 1.0), carried by every JSON export
 * and shown on /data. Same text as README's Credits and /about.
 */
export const CREDITS = {
  notice:
    "Archived texts remain their publishers' copyright. The archived history comes from public archives published as databases under the Open Data Commons Attribution License (ODC-BY 1.0, https://opendatacommons.org/licenses/by/1-0/), which asks for the attribution below.",
  sources: [
    {
      name: "Open Terms Archive (contrib-versions, pga-versions, vlopses-us-versions, france-versions)",
      attribution:
        "Open Terms Archive Core Team and contributors; Platform Governance Archive v2, Katzenbach et al. 2023, doi:10.26092/elib/2373; with contributions from UFC-Que Choisir and the Office of the French Ambassador for Digital Affairs",
      license: "ODC-BY 1.0",
    },
    {
      name: "ToS;DR tosback-versions (the tosback2 crawls, 2012–2021)",
      attribution: "Office of the French Ambassador for Digital Affairs",
      license: "ODC-BY 1.0",
    },
    {
      name: "Platform Governance Archive v1 (pga-corpus, from the Wayback Machine, 2004–2021)",
      attribution: "Katzenbach et al. 2023, doi:10.17605/OSF.IO/XSBPT",
      license: "ODC-BY 1.0",
    },
    {
      name: "privacy-policies-through-time (Amazon and Apple, 2000–2018)",
      attribution: "workmanjack (Jack Workman)",
      license: "MIT",
    },
  ],
} as const;
