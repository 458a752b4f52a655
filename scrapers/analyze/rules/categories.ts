import type { CategorySlug } from "../taxonomy";

/**
 * Words that name a data category, in English and French. They run on normalised text
 * (lowercase, straight quotes, Markdown removed). Keep them specific: a pattern that also
 * matches another sense of a word ("contact us", "location of our servers") costs precision,
 * because an added category is reported whenever a new sentence matches and the old
 * version never matched at all.
 */
export interface CategoryRule {
  slug: Exclude<CategorySlug, "other">;
  en: RegExp[];
  fr: RegExp[];
}

const A = "['’]"; // apostrophe in French elisions

export const CATEGORY_RULES: CategoryRule[] = [
  {
    slug: "contacts",
    en: [
      /\baddress ?books?\b/,
      /\bcontact (lists?|upload|information (of|about|from) (your|other) (friends|contacts))\b/,
      /\bphone ?books?\b/,
      /\b(your|phone|device|mobile|other) contacts\b/,
      /\bcontacts (stored|saved|on your (phone|device|mobile))\b/,
      /\b(upload|import|sync|scan)(s|ed|ing)? (of )?(your )?contacts\b/,
    ],
    fr: [
      new RegExp(`\\bcarnets? d${A}adresses?\\b`),
      /\blistes? de contacts\b/,
      /\bvos contacts\b/,
      /\bcontacts (de|sur|enregistrés sur) (votre|l'|son) ?(téléphone|appareil|mobile)\b/,
      /\brépertoire (téléphonique|de contacts|de votre (téléphone|appareil))\b/,
    ],
  },
  {
    slug: "photos_media",
    en: [
      /(?<!profile |group |cover )\bphotos?\b(?! (of|on) your profile)/,
      /\bphotographs\b/,
      /\bcamera( roll)?\b/,
      /\bphoto (library|gallery|roll)\b/,
      /\bmedia (files|library|stored)\b/,
      /\b(images|videos) (stored|saved) on your (device|phone)\b/,
    ],
    fr: [
      /\bphotos?\b(?! de profil| du profil)/,
      /\bappareil photo\b/,
      /\bpellicule\b/,
      /\bgalerie (photos?|multimédia)\b/,
      /\bfichiers (multimédias|médias)\b/,
    ],
  },
  {
    slug: "location",
    en: [
      /\bgps\b/,
      /\bprecise (geo-?)?location\b/,
      /\b(specific|exact|precise|physical) (device )?location\b/,
      /\bdevice(['’]s)? location\b/,
      /\blocation of (your|the) (mobile )?(device|phone)\b/,
      /\bgeo-?location\b/,
      /\bwi-?fi access points\b/,
      /\b(cell|mobile) (phone )?towers\b/,
      /\blocation services\b/,
    ],
    fr: [
      /\bgps\b/,
      /\bgéolocalisation\b/,
      /\b(localisation|position) (précise|exacte|gps)\b/,
      new RegExp(`\\blocalisation (de|de votre|de l${A}) ?appareil\\b`),
      /\bemplacement précis\b/,
    ],
  },
  {
    slug: "sensors",
    en: [
      /\bsensors?\b/,
      /\baccelerometers?\b/,
      /\bgyroscopes?\b/,
      /\bmotion(-generated| data| sensor| tracking)\b/,
      /\borientation-generated\b/,
    ],
    fr: [/\bcapteurs?\b/, /\baccéléromètres?\b/, /\bgyroscopes?\b/, /\bdonnées de mouvement\b/],
  },
  {
    slug: "voice",
    en: [
      /\bmicrophones?\b/,
      /\bvoice (data|recordings?|commands?|controls?|input|inputs|interactions?|search|assistants?|features?|information)\b/,
      /\bvoice-(enabled|activated|controlled)\b/,
      /\byour voice\b/,
      /\baudio (data|recordings?|information)\b/,
      /\b(recordings?|sound) of your voice\b/,
    ],
    fr: [
      /\bmicrophones?\b/,
      /\b(enregistrements?|commandes?|requêtes?|données|interactions?|recherches?) vocal(e|es|aux)?\b/,
      /\bactivées? vocalement\b/,
      /\bvotre voix\b/,
      /\bassistants? vocal\b/,
      /\bdonnées audio\b/,
    ],
  },
  {
    slug: "phone_number",
    en: [
      /\b(mobile |cell |tele)?phone numbers?\b/,
      /\bmobile numbers?\b/,
      /\btelephone numbers?\b/,
    ],
    fr: [/\bnuméros? de (téléphone|portable|mobile)\b/],
  },
  {
    slug: "email_address",
    en: [/\be-?mail address(es)?\b/],
    fr: [/\badresses? (e-?mail|électronique|e mail|mail|de courriel)\b/],
  },
  {
    slug: "ip_address_device_ids",
    en: [
      /\bip address(es)?\b/,
      /\bip(?! (policy|rights|infringement|owner))\b/,
      /\bdevice (id|ids|identifiers?)\b/,
      /\bunique (device|application) (id|ids|identifiers?|numbers?)\b/,
      /\badvertising (id|ids|identifiers?)\b/,
      /\b(idfa|imei|android id)\b/,
      /\bmac address(es)?\b/,
    ],
    fr: [
      /\badresses? ip\b/,
      new RegExp(
        `\\bidentifiants? (de l${A}appareil|d${A}appareils?|publicitaires?|uniques?|de votre appareil)\\b`,
      ),
      /\badresses? mac\b/,
    ],
  },
  {
    slug: "transactions",
    en: [
      /\b(purchase|order|transaction|payment) (history|histories)\b/,
      /\btransaction (information|data|details|records?)\b/,
      /\b(information|details) (about|of|on) (your )?(purchases|transactions|orders)\b/,
      /\bpurchases? (you make|you have made|information)\b/,
    ],
    fr: [
      new RegExp(`\\bhistorique (d${A}achats?|des (achats|commandes|transactions))\\b`),
      /\bdonnées (de transaction|relatives aux (achats|transactions))\b/,
      /\binformations (sur|relatives à) (vos|les) (achats|transactions|commandes)\b/,
      /\bvos achats\b/,
    ],
  },
  {
    slug: "activity",
    en: [
      /\busage (data|information|and log|history)\b/,
      /\blog (data|files|information)\b/,
      /\b(listening|viewing|watch|search|browsing) (history|data|habits|queries)\b/,
      /\binteractions? with (the|our) (service|services|products)\b/,
      /\bhow you use (our|the) (service|services|products)\b/,
      /\bactivity (on|information|data)\b/,
    ],
    fr: [
      new RegExp(`\\bhistorique (d${A}écoute|de navigation|de recherche|de visionnage)\\b`),
      new RegExp(`\\bdonnées (d${A}utilisation|d${A}usage|de navigation|d${A}écoute)\\b`),
      /\bvotre activité\b/,
      /\bjournaux (de connexion|d'activité)\b/,
    ],
  },
  {
    slug: "profile",
    en: [
      /\b(date of birth|birth ?date|birthday)\b/,
      /\bgender\b/,
      /\buser ?names?\b/,
      /\bprofile (picture|photo|information|name|details)\b/,
      /\b(your|full|first|last|display) names?\b/,
    ],
    fr: [
      /\bdate de naissance\b/,
      /\b(votre|le|du) (sexe|genre que vous indiquez)\b/,
      /\bgenre (que vous (indiquez|avez indiqué)|indiqué)\b/,
      new RegExp(`\\bnoms? d${A}utilisateur\\b`),
      /\bphoto (de|du) profil\b/,
      /\binformations (de|du) (votre )?profil\b/,
      /\b(votre|vos) (nom|prénom)s?\b/,
    ],
  },
  {
    slug: "cookies_tracking",
    en: [
      /\bcookies?\b/,
      /\bpixel( tags?)?s?\b/,
      /\bweb beacons?\b/,
      /\bclear gifs?\b/,
      /\btracking technolog(y|ies)\b/,
      /\b(sdks?|software development kits?)\b/,
      /\blocal storage\b/,
    ],
    fr: [
      /\bcookies?\b/,
      /\btraceurs?\b/,
      /\bbalises? (web|pixel)\b/,
      /\bpixels?\b/,
      /\btémoins de connexion\b/,
    ],
  },
  {
    slug: "health",
    en: [
      /\bhealth (data|information|records?|conditions?)\b/,
      /\bfitness (data|information|activity)\b/,
      /\bmedical (data|information|records?|history)\b/,
      /\bheart rate\b/,
    ],
    fr: [
      /\bdonnées (de santé|médicales)\b/,
      /\binformations (médicales|de santé|relatives à (votre|la) santé)\b/,
    ],
  },
  {
    slug: "financial",
    en: [
      /\b(credit|debit|payment|bank) cards?\b/,
      /\bcard (number|numbers|details|type|expiration)\b/,
      /\bbank (account|name|details)s?\b/,
      /\bbanking (information|details)\b/,
      /\bbilling (information|address|details)\b/,
      /\bpayment (method|methods|information|details|account)\b/,
      /\bfinancial (information|data|details)\b/,
      /\bcredit checks?\b/,
    ],
    fr: [
      /\bcartes? (bancaires?|de crédit|de débit|de paiement)\b/,
      /\bcomptes? bancaires?\b/,
      /\bcoordonnées bancaires\b/,
      /\bmoyens? de paiement\b/,
      /\b(informations|données) (de paiement|bancaires|financières)\b/,
      /\b(rib|iban)\b/,
    ],
  },
  {
    slug: "biometric",
    en: [
      /\bbiometrics?\b/,
      /\b(facial|face) recognition\b/,
      /\bface (analysis|geometry|templates?|scans?|prints?)\b/,
      /\bfacial (geometry|features|analysis)\b/,
      /\bfingerprints?\b/,
      /\bvoice ?prints?\b/,
    ],
    fr: [
      /\bbiométri(e|que|ques)\b/,
      /\breconnaissance faciale\b/,
      /\banalyse (du|de votre|des) visages?\b/,
      /\bempreintes? (digitales?|vocales?)\b/,
      /\bgabarits? (faciaux|facial)\b/,
    ],
  },
  {
    slug: "messages",
    en: [
      /\b(content|contents) of (your |the )?(messages|communications|chats|calls|conversations)\b/,
      /\bmessage (content|contents)\b/,
      /\byour (messages|chats)\b/,
      /\b(private|direct) messages\b/,
      /\bchat (history|logs?|messages)\b/,
    ],
    fr: [
      /\bcontenu (de vos|des) (messages|communications|conversations)\b/,
      /\bvos (messages|conversations)\b/,
      /\bmessages (privés|que vous envoyez)\b/,
    ],
  },
  {
    slug: "connected_device_state",
    en: [
      /\bthermostats?\b/,
      /\bsmart[- ]home (devices?|data|state)\b/,
      /\b(state|status) of (your )?(connected|smart) (devices?|home)\b/,
      /\bconnected (home )?devices? (state|status|data)\b/,
      /\bgarage doors?\b/,
      /\bappliance (state|status|usage)\b/,
    ],
    fr: [
      /\bthermostats?\b/,
      /\bmaison connectée\b/,
      /\bobjets connectés\b/,
      /\bétat (de vos|des) (appareils|objets) connectés\b/,
    ],
  },
];
