/**
 * The curated seed: events and cases from public reporting, each with its citations. Facts come
 * from the project's seed reporting and well-established sources; what reporting leaves
 * uncertain is marked `uncertain`, with a note. Where an archived version holds the passage, it
 * is cited as evidence too (located at seed time, see ./curated-evidence.ts).
 */
import type { CaseInput, EventInput } from "../queries/investigation-input";

export const SEED_REPORTING = {
  spotifyTrust: { title: "Spotify Just Learned the Hard Way About Customer Trust", publishedOn: undefined, language: "en" },
  spotifyFr: { title: "Politique de confidentialité : Spotify met les choses au clair", language: "fr" },
  whatsappFr: { title: "WhatsApp : les utilisateurs vont devoir partager leurs données avec Facebook", language: "fr" },
  ecobeeFr: { title: "L’histoire de la startup Ecobee qui refuse de partager vos données personnelles à Amazon", language: "fr" },
} as const;

/** Archived passages to cite: document key, the day of the version, and a phrase it contains. */
export interface ArchivedEvidence {
  documentKey: string;
  date: string;
  phrase: string;
}

export type CuratedEvent = EventInput & { seedKey: string; evidence?: ArchivedEvidence[] };

export const CURATED_CASES: CaseInput[] = [
  {
    slug: "amazon-ecobee",
    title: "Amazon presses Ecobee for thermostat data",
    summary:
      "Amazon demanded that Ecobee, a maker of Alexa-enabled smart thermostats, send data from its devices, such as the thermostat's state, even when customers were not using Alexa. Ecobee refused to hand over all of it. As leverage, Amazon threatened to withhold Alexa certification and updates and to keep Ecobee's products out of Prime Day. Reported by the Wall Street Journal in 2021.",
    dominantPlatformSlug: "amazon",
    partner: "Ecobee",
    leverage: ["Alexa certification", "withheld Alexa updates", "Prime Day placement"],
    categories: [{ slug: "connected_device_state" }],
    startedOn: "2020-01-01",
    status: "unresolved",
    outcome: "Ecobee publicly refused to share the full data Amazon asked for.",
    uncertain: true,
    uncertainNote: "Reported as running through 2020 and 2021; the start date is approximate (year only).",
    citations: [
      { ...SEED_REPORTING.ecobeeFr },
      { publisher: "The Wall Street Journal", title: "Report on Amazon's demands for data from Alexa device partners (2021), as relayed by French press coverage" },
    ],
  },
  {
    slug: "amazon-hbo-max",
    title: "Amazon and HBO Max: the Fire TV distribution dispute",
    summary:
      "HBO Max launched in May 2020 without an app on Amazon's Fire TV devices, after WarnerMedia and Amazon failed to agree on distribution terms; the app came to Fire TV in November 2020. Reporting said control over the app's data and advertising was part of the dispute.",
    dominantPlatformSlug: "amazon",
    partner: "WarnerMedia (HBO Max)",
    leverage: ["app distribution on Fire TV"],
    categories: [{ slug: "activity", uncertain: true }],
    startedOn: "2020-05-27",
    endedOn: "2020-11-17",
    status: "closed",
    outcome: "Agreement reached; HBO Max became available on Fire TV in November 2020.",
    uncertain: true,
    uncertainNote: "The data claims (viewing data, in-app advertising) come from reporting on the negotiations and are not established.",
    citations: [{ publisher: "Press reports, 2020", title: "HBO Max and Amazon Fire TV carriage dispute (May–November 2020)" }],
  },
];

export const CURATED_EVENTS: CuratedEvent[] = [
  {
    seedKey: "whatsapp-2016-facebook-sharing",
    kind: "data_sharing_expansion",
    title: "WhatsApp begins sharing account information with Facebook",
    summary:
      "WhatsApp's updated terms and privacy policy began sharing the account phone number and last-seen data with Facebook. Existing users who accepted had 30 days to opt out of its use for Facebook ads and product experiences.",
    platformSlug: "whatsapp",
    occurredOn: "2016-08-25",
    categories: [{ slug: "phone_number" }, { slug: "activity" }],
    recipients: [{ slug: "Facebook Companies" }],
    citations: [
      { publisher: "WhatsApp", title: "Looking ahead for WhatsApp", publishedOn: "2016-08-25", url: "https://blog.whatsapp.com/looking-ahead-for-whats-app" },
    ],
    evidence: [
      { documentKey: "whatsapp/legal-page-terms-and-privacy--tosback-versions", date: "2016-08-29", phrase: "choose not to have your WhatsApp account information shared with Facebook" },
    ],
  },
  {
    seedKey: "ec-2017-facebook-fine",
    kind: "regulatory_action",
    title: "European Commission fines Facebook €110 million over the WhatsApp merger review",
    summary:
      "The Commission fined Facebook €110 million for giving incorrect or misleading information in 2014, during its review of the WhatsApp takeover, about whether Facebook and WhatsApp user accounts could be matched automatically.",
    platformSlug: "facebook",
    occurredOn: "2017-05-18",
    citations: [
      {
        publisher: "European Commission",
        title: "Mergers: Commission fines Facebook €110 million for providing misleading information about WhatsApp takeover",
        publishedOn: "2017-05-18",
        url: "https://ec.europa.eu/commission/presscorner/detail/en/IP_17_1369",
      },
    ],
  },
  {
    seedKey: "whatsapp-2021-policy",
    kind: "data_sharing_expansion",
    title: "WhatsApp's January 2021 privacy policy: data shared with the Facebook companies",
    summary:
      "The privacy policy dated 4 January 2021 describes sharing with the Facebook companies of the phone number, transaction data, service-related information, information on interactions with businesses, device information and IP address.",
    platformSlug: "whatsapp",
    occurredOn: "2021-01-04",
    categories: [{ slug: "phone_number" }, { slug: "transactions" }, { slug: "activity" }, { slug: "ip_address_device_ids" }],
    recipients: [{ slug: "Facebook Companies" }],
    citations: [{ ...SEED_REPORTING.whatsappFr, publishedOn: "2021-01-07" }],
    evidence: [
      { documentKey: "whatsapp/privacy-policy-global--vlopses-us-versions", date: "2025-12-01", phrase: "WhatsApp receives information from, and shares information" },
    ],
  },
  {
    seedKey: "whatsapp-2021-deadline",
    kind: "forced_consent_deadline",
    title: "WhatsApp: accept the new terms by 8 February 2021 or lose access",
    summary:
      "From 5–6 January 2021, WhatsApp prompted users to accept its updated terms and privacy policy by 8 February 2021; accounts that did not accept would lose access. On 15 January WhatsApp moved the deadline to 15 May 2021.",
    platformSlug: "whatsapp",
    occurredOn: "2021-01-05",
    announcedOn: "2021-01-05",
    deadline: "2021-02-08",
    consequence: "Accounts that do not accept lose access to WhatsApp.",
    postponements: [{ newDeadline: "2021-05-15", announcedOn: "2021-01-15", note: "WhatsApp gave users more time to review the update." }],
    uncertain: true,
    uncertainNote: "Prompts were reported from 5 and 6 January 2021; the first day is recorded as 5 January.",
    citations: [
      { ...SEED_REPORTING.whatsappFr, publishedOn: "2021-01-07" },
      { publisher: "WhatsApp", title: "Giving More Time for Our Recent Update", publishedOn: "2021-01-15", url: "https://blog.whatsapp.com/giving-more-time-for-our-recent-update" },
    ],
  },
  {
    seedKey: "hamburg-2021-urgency-order",
    kind: "regulatory_action",
    title: "Hamburg data protection authority issues an urgency order against Facebook",
    summary:
      "The Hamburg Commissioner for Data Protection ordered Facebook, for three months, not to process WhatsApp users' data for its own purposes under the 2021 update.",
    platformSlug: "whatsapp",
    occurredOn: "2021-05-11",
    uncertain: true,
    uncertainNote: "May 2021; the exact day of the order is not established here.",
    citations: [{ publisher: "Hamburg Commissioner for Data Protection and Freedom of Information", title: "Urgency procedure against Facebook over WhatsApp user data (press release, May 2021)" }],
  },
  {
    seedKey: "dpc-2021-whatsapp-fine",
    kind: "regulatory_action",
    title: "Irish DPC fines WhatsApp €225 million",
    summary:
      "Ireland's Data Protection Commission fined WhatsApp Ireland €225 million for breaching the GDPR's transparency obligations, including on how it shares data with the other Facebook companies.",
    platformSlug: "whatsapp",
    occurredOn: "2021-09-02",
    citations: [
      {
        publisher: "Data Protection Commission (Ireland)",
        title: "Data Protection Commission announces decision in WhatsApp inquiry",
        publishedOn: "2021-09-02",
        url: "https://www.dataprotection.ie/en/news-media/press-releases/data-protection-commission-announces-decision-whatsapp-inquiry",
      },
    ],
  },
  {
    seedKey: "cci-2024-whatsapp-order",
    kind: "regulatory_action",
    title: "India's CCI penalises Meta over WhatsApp's 2021 policy update",
    summary:
      "The Competition Commission of India found that WhatsApp's 2021 take-it-or-leave-it policy update abused Meta's dominance, imposed a penalty of ₹213.14 crore, and ordered that WhatsApp user data not be shared with other Meta companies for advertising for five years.",
    platformSlug: "whatsapp",
    occurredOn: "2024-11-18",
    citations: [{ publisher: "Competition Commission of India", title: "CCI imposes penalty on Meta for abusing dominant position (WhatsApp privacy policy update 2021)", publishedOn: "2024-11-18" }],
  },
  {
    seedKey: "spotify-2015-policy",
    kind: "data_sharing_expansion",
    title: "Spotify's new privacy policy reaches into phones",
    summary:
      "Spotify's August 2015 privacy policy said it may access contacts, photos and media files, location, sensor data and voice controls on users' phones, and share data with advertisers and partners. After the backlash it published a revised policy, effective 9 September 2015.",
    platformSlug: "spotify",
    occurredOn: "2015-08-20",
    categories: [{ slug: "contacts" }, { slug: "photos_media" }, { slug: "location" }, { slug: "sensors" }, { slug: "voice" }],
    recipients: [{ slug: "advertisers" }, { slug: "partners" }],
    uncertain: true,
    uncertainNote: "Published in the week before 21 August 2015; the exact day is not established here.",
    citations: [{ ...SEED_REPORTING.spotifyTrust }, { ...SEED_REPORTING.spotifyFr }],
    evidence: [
      { documentKey: "spotify/privacy-policy--tosback-versions", date: "2015-09-10", phrase: "motion-generated or orientation-generated mobile sensor data" },
      { documentKey: "spotify/privacy-policy--tosback-versions", date: "2015-09-10", phrase: "Your contacts: We will never scan or import your contacts" },
    ],
  },
  {
    seedKey: "spotify-2015-sorry",
    kind: "public_statement",
    title: "Daniel Ek: “SORRY.”",
    summary:
      "Spotify's CEO apologised for the confusion over the new privacy policy and said Spotify would ask for express permission before accessing photos, location, voice or contacts; sharing with advertisers, rights holders and mobile networks was, he said, not new.",
    platformSlug: "spotify",
    occurredOn: "2015-08-21",
    citations: [
      { publisher: "Spotify", title: "SORRY.", publishedOn: "2015-08-21", url: "https://newsroom.spotify.com/2015-08-21/sorry/" },
      { ...SEED_REPORTING.spotifyTrust },
    ],
  },
  {
    seedKey: "amazon-ecobee-pressure",
    kind: "partner_pressure",
    title: "Amazon asks Ecobee for thermostat data, with Alexa updates and Prime Day as leverage",
    summary:
      "Amazon demanded continuous data from Ecobee's devices, including when Alexa was not in use, and threatened to withhold Alexa updates and Prime Day placement.",
    platformSlug: "amazon",
    caseSlug: "amazon-ecobee",
    occurredOn: "2021-01-01",
    categories: [{ slug: "connected_device_state" }],
    recipients: [{ slug: "Amazon" }],
    uncertain: true,
    uncertainNote: "Reported in 2021 as pressure lasting more than a year; dated to the year only.",
    citations: [{ ...SEED_REPORTING.ecobeeFr }],
  },
  {
    seedKey: "sony-music-presave-2021",
    kind: "data_sharing_expansion",
    title: "Sony Music's pre-save campaigns: access to fans' music-service accounts",
    summary:
      "Sony Music's “How We Use Your Data” page (1 September 2021) says that fans joining a pre-save or follow campaign let it access their e-mail address, country and geo-location, and activity (playlists and artists followed, recently played tracks) on Spotify, Apple Music, Deezer, YouTube or Twitter; take actions on their account (library, playlists, follows, subscriptions); and use the data for marketing e-mail, targeted advertising and research.",
    platformSlug: "sony-music",
    occurredOn: "2021-09-01",
    categories: [{ slug: "email_address" }, { slug: "location" }, { slug: "activity" }],
    recipients: [{ slug: "Sony Music Entertainment" }],
    citations: [
      { publisher: "Sony Music Entertainment", title: "How We Use Your Data", publishedOn: "2021-09-01", url: "https://www.sonymusic.com/how-we-use-your-data/" },
    ],
  },
];
