/** Small documents for the detector tests: a base policy plus whatever a test adds. */
export const BASE_EN = [
  "Privacy Policy",
  "",
  "We collect your email address when you create an account. We use it to send you service messages about your account and its security.",
  "",
  "We keep your information for as long as your account is open, and we delete it within ninety days after you close the account.",
].join("\n");

export const BASE_FR = [
  "Politique de confidentialité",
  "",
  "Nous collectons votre adresse e-mail lorsque vous créez un compte. Nous l'utilisons pour vous envoyer des messages de service sur votre compte et sa sécurité.",
  "",
  "Nous conservons vos informations tant que votre compte est ouvert, et nous les supprimons dans les quatre-vingt-dix jours suivant sa fermeture.",
].join("\n");

export const withParagraph = (base: string, paragraph: string) => `${base}\n\n${paragraph}\n`;

export const REF = { referenceDate: new Date("2021-01-06T12:00:00Z") };
