/**
 * The data-category taxonomy (aligned with OPP-115 "personal information type", extended for
 * the cases Termtrail follows) and the recipient kinds. Slugs are stable: the database seed,
 * the findings and the evaluation labels all use them exactly.
 */

export const CATEGORY_SLUGS = [
  "contacts",
  "photos_media",
  "location",
  "sensors",
  "voice",
  "phone_number",
  "email_address",
  "ip_address_device_ids",
  "transactions",
  "activity",
  "profile",
  "cookies_tracking",
  "health",
  "financial",
  "biometric",
  "messages",
  "connected_device_state",
  "other",
] as const;

export type CategorySlug = (typeof CATEGORY_SLUGS)[number];

export interface DataCategory {
  slug: CategorySlug;
  label: string;
  description: string;
}

export const DATA_CATEGORIES: readonly DataCategory[] = [
  {
    slug: "contacts",
    label: "Contacts",
    description:
      "Address book, phone contacts or contact lists uploaded or synced from the user's device or accounts (not friends or followers on the service itself).",
  },
  {
    slug: "photos_media",
    label: "Photos and media",
    description: "Photos, videos, camera, camera roll and other media files on the device.",
  },
  {
    slug: "location",
    label: "Precise location",
    description:
      "GPS, Bluetooth or Wi-Fi positioning, precise or device location, geolocation. Country-level location or location inferred from the IP address is not included.",
  },
  {
    slug: "sensors",
    label: "Sensors and motion",
    description: "Accelerometer, gyroscope, motion or orientation and other device sensor data.",
  },
  {
    slug: "voice",
    label: "Voice and audio",
    description: "Microphone access, voice commands and recordings, audio captured from the user.",
  },
  { slug: "phone_number", label: "Phone number", description: "Mobile or landline phone number." },
  { slug: "email_address", label: "Email address", description: "Email address." },
  {
    slug: "ip_address_device_ids",
    label: "IP address and device identifiers",
    description: "IP address, device identifiers, advertising identifiers, IMEI, MAC address.",
  },
  {
    slug: "transactions",
    label: "Transactions and purchases",
    description: "Purchases, orders, payments made and transaction history.",
  },
  {
    slug: "activity",
    label: "Usage and activity history",
    description:
      "Usage data, listening, viewing, browsing or search history, interactions, log data.",
  },
  {
    slug: "profile",
    label: "Profile and account data",
    description:
      "Name, username, date of birth, gender, profile picture and other account details.",
  },
  {
    slug: "cookies_tracking",
    label: "Cookies and tracking",
    description:
      "Cookies, pixels, web beacons, SDKs and other tracking technologies, cross-site tracking.",
  },
  {
    slug: "health",
    label: "Health and fitness",
    description: "Health, fitness and medical data.",
  },
  {
    slug: "financial",
    label: "Financial and payment data",
    description: "Payment cards, bank accounts, payment methods, billing and credit data.",
  },
  {
    slug: "biometric",
    label: "Biometric data",
    description:
      "Face recognition and facial geometry, fingerprints, voiceprints and other biometric identifiers.",
  },
  {
    slug: "messages",
    label: "Message content",
    description: "Content of messages, chats and calls.",
  },
  {
    slug: "connected_device_state",
    label: "Connected-device state",
    description:
      "State of connected and smart-home devices: thermostat readings, door, appliance or device status.",
  },
  {
    slug: "other",
    label: "Other personal data",
    description:
      "Personal data outside the categories above (used by reviewers; never detected automatically).",
  },
];

export const RECIPIENT_KINDS = [
  "group_companies",
  "advertisers",
  "partners",
  "rights_holders",
  "mobile_networks",
  "named_company",
] as const;

export type RecipientKind = (typeof RECIPIENT_KINDS)[number];

export const RECIPIENT_KIND_LABELS: Record<RecipientKind, { label: string; description: string }> =
  {
    group_companies: {
      label: "Group companies",
      description:
        'Companies of the same group, e.g. "Facebook Companies", "companies in the Spotify group", affiliates.',
    },
    advertisers: {
      label: "Advertisers",
      description: "Advertisers, advertising partners and ad networks.",
    },
    partners: { label: "Partners", description: "Business, marketing or other partners." },
    rights_holders: {
      label: "Rights holders",
      description: "Rights holders, licensors, labels and record companies.",
    },
    mobile_networks: {
      label: "Mobile networks",
      description: "Mobile network operators, carriers, telecom providers.",
    },
    named_company: {
      label: "Named company",
      description: "A company named in the text (Google, Facebook, …).",
    },
  };
