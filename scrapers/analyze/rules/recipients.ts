import type { RecipientKind } from "../taxonomy";

/**
 * Who receives data, as the text names them. Each pattern runs on normalised text and yields
 * an identity (`key`) used to decide whether the old version already named that recipient.
 * Generic "third parties" is deliberately absent: nearly every policy has it.
 */
export interface RecipientRule {
  kind: RecipientKind;
  /** Identity of the recipient: same key in old and new means "already named". */
  key: string;
  en: RegExp[];
  fr: RegExp[];
}

/** Companies often named as recipients. The document's own company is filtered out because it
 * is named in the old version too. */
const COMPANIES: Array<[string, RegExp]> = [
  ["Facebook", /\bfacebook\b/],
  ["Meta", /\bmeta( platforms)?\b(?! ?data)/],
  ["Instagram", /\binstagram\b/],
  ["WhatsApp", /\bwhatsapp\b/],
  ["Google", /\bgoogle\b/],
  ["DoubleClick", /\bdoubleclick\b/],
  ["Amazon", /\bamazon\b/],
  ["Apple", /\bapple\b/],
  ["Microsoft", /\bmicrosoft\b/],
  ["Spotify", /\bspotify\b/],
  ["Deezer", /\bdeezer\b/],
  ["Twitter", /\btwitter\b/],
  ["Snapchat", /\bsnap(chat)?\b/],
  ["TikTok", /\btiktok\b/],
  ["Yahoo", /\byahoo\b/],
  ["Hasoffers", /\bhasoffers?\b/],
  ["Nielsen", /\bnielsen\b/],
  ["comScore", /\bcomscore\b/],
  ["AppsFlyer", /\bappsflyer\b/],
  ["Adjust", /\badjust gmbh\b/],
  ["Braze", /\bbraze\b/],
  ["The Trade Desk", /\bthe trade desk\b/],
  ["PayPal", /\bpaypal\b/],
  ["Stripe", /\bstripe\b/],
  ["ICICI Bank", /\bicici\b/],
];

export const BRANDS =
  "facebook|meta|spotify|amazon|google|apple|deezer|whatsapp|instagram|alphabet|youtube";

export const RECIPIENT_RULES: RecipientRule[] = [
  {
    kind: "group_companies",
    key: "group:branded",
    en: [
      new RegExp(
        `\\b(${BRANDS})(['’]s)? (family of companies|companies|company products|group( companies| of companies)?|entities)\\b`,
      ),
      new RegExp(`\\b(other )?companies (in|of|within) the (${BRANDS}) (group|family)\\b`),
    ],
    fr: [
      new RegExp(
        `\\b(entités|sociétés|entreprises|produits des entités) (du groupe )?(${BRANDS})\\b`,
      ),
      new RegExp(`\\bgroupe (${BRANDS})\\b`),
    ],
  },
  {
    kind: "group_companies",
    key: "group:affiliates",
    en: [
      /\baffiliates\b/,
      /\baffiliated (companies|entities)\b/,
      /\bsubsidiaries\b/,
      /\bour (corporate )?group\b/,
    ],
    fr: [
      /\bfiliales\b/,
      /\bsociétés (affiliées|du groupe|de notre groupe)\b/,
      /\bentités affiliées\b/,
    ],
  },
  {
    kind: "advertisers",
    key: "advertisers",
    en: [
      /\badvertisers?\b/,
      /\badvertising (partners?|networks?|companies|providers|vendors|services)\b/,
      /\bad (networks?|partners?|tech(nology)? (companies|providers|partners))\b/,
    ],
    fr: [
      /\bannonceurs?\b/,
      /\bpartenaires publicitaires\b/,
      /\brégies publicitaires\b/,
      /\bréseaux publicitaires\b/,
    ],
  },
  {
    kind: "partners",
    key: "partners",
    en: [/(?<!advertising |ad )\bpartners?\b/],
    fr: [/\bpartenaires?\b(?! publicitaires)/],
  },
  {
    kind: "rights_holders",
    key: "rights_holders",
    en: [
      /\brights? ?-?holders?\b/,
      /\blicensors\b/,
      /\brecord (labels|companies)\b/,
      /\bmusic labels\b/,
    ],
    fr: [
      /\bayants[- ]droits?\b/,
      /\btitulaires de droits\b/,
      /\bmaisons de disques\b/,
      /\blabels de musique\b/,
    ],
  },
  {
    kind: "mobile_networks",
    key: "mobile_networks",
    en: [
      /\bmobile (network )?(operators?|providers?|carriers?)\b/,
      /\b(wireless|telecom(munications?)?|network) (carriers?|operators?)\b/,
      /\bmobile networks?\b/,
    ],
    fr: [/\bopérateurs? (mobiles?|de télécommunications?|téléphoniques?|de téléphonie)\b/],
  },
  ...COMPANIES.map(
    ([name, re]): RecipientRule => ({
      kind: "named_company",
      key: `company:${name}`,
      en: [re],
      fr: [re],
    }),
  ),
];
