import type { Metadata } from "next";
import Link from "next/link";
import "./globals.css";
import { AuthLink } from "./login/auth-link";

export const metadata: Metadata = {
  title: { default: "Termtrail", template: "%s · Termtrail" },
  description:
    "How platforms change the terms they impose on users and partners: an archive of privacy policies and terms, with the evidence.",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>
        <header className="site-header">
          <Link href="/" className="brand">
            Termtrail
          </Link>
          <nav aria-label="Main">
            <Link href="/">Overview</Link>
            <Link href="/timeline">Timeline</Link>
            <Link href="/cases">Cases</Link>
            <Link href="/search">Search</Link>
            <Link href="/data">Data</Link>
            <Link href="/sources">Sources</Link>
            <Link href="/health">Health</Link>
            <Link href="/about">About</Link>
          </nav>
          <AuthLink />
        </header>
        <main className="page">{children}</main>
        <footer className="site-footer">
          Archived texts remain their publishers&apos; copyright. History from Open Terms Archive,
          ToS;DR tosback, the Platform Governance Archive and privacy-policies-through-time (ODC-BY
          1.0 / MIT): see <Link href="/about">credits</Link>.
        </footer>
      </body>
    </html>
  );
}
