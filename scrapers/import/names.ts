/** Display names for platforms and document types met in imported archives. */
const PLATFORMS: Record<string, { name: string; parent?: string }> = {
  whatsapp: { name: "WhatsApp", parent: "Meta" },
  facebook: { name: "Facebook", parent: "Meta" },
  instagram: { name: "Instagram", parent: "Meta" },
  amazon: { name: "Amazon", parent: "Amazon" },
  alexa: { name: "Alexa", parent: "Amazon" },
  spotify: { name: "Spotify" },
  youtube: { name: "YouTube", parent: "Google" },
  apple: { name: "Apple" },
  deezer: { name: "Deezer" },
  ecobee: { name: "Ecobee" },
  "sony-music": { name: "Sony Music", parent: "Sony" },
};

const TYPES: Record<string, { type: string; slug: string }> = {
  privacy_policy: { type: "Privacy Policy", slug: "privacy-policy" },
  terms_of_service: { type: "Terms of Service", slug: "terms-of-service" },
  terms_and_privacy_combined: { type: "Terms and Privacy Policy", slug: "terms-and-privacy" },
  developer_terms: { type: "Developer Terms", slug: "developer-terms" },
  partner_terms: { type: "Commercial Terms", slug: "commercial-terms" },
};

export function platformInfo(slug: string) {
  return PLATFORMS[slug] ?? { name: slug.charAt(0).toUpperCase() + slug.slice(1) };
}

export function documentTypeInfo(documentType: string) {
  return (
    TYPES[documentType] ?? {
      type: documentType.replaceAll("_", " ").replace(/\b\w/g, (c) => c.toUpperCase()),
      slug: documentType.replaceAll("_", "-"),
    }
  );
}
