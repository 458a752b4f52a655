/** The pure helpers behind the fetchers: charset sniffing, Retry-After, status mapping, walls. */
import { describe, expect, it } from "vitest";
import { charsetFromContentType, charsetFromMeta, decodeBody, detectCharset } from "./charset";
import { errorForNetwork, errorForStatus, parseRetryAfter } from "./failures";
import { detectWall } from "./walls";

describe("charset", () => {
  it("reads the charset parameter, quoted or not", () => {
    expect(charsetFromContentType("text/html; charset=UTF-8")).toBe("UTF-8");
    expect(charsetFromContentType('text/html;charset="iso-8859-1"')).toBe("iso-8859-1");
    expect(charsetFromContentType("text/html")).toBeUndefined();
  });

  it("reads <meta charset> and <meta http-equiv> within the first 1024 bytes only", () => {
    expect(charsetFromMeta(Buffer.from("<head><meta charset='shift_jis'>"))).toBe("shift_jis");
    expect(
      charsetFromMeta(
        Buffer.from('<meta content="text/html; charset=koi8-r" http-equiv="content-type">'),
      ),
    ).toBe("koi8-r");
    expect(
      charsetFromMeta(Buffer.from(`${" ".repeat(1100)}<meta charset="koi8-r">`)),
    ).toBeUndefined();
  });

  it("prefers BOM, then header, then meta, then UTF-8; meta only for HTML", () => {
    const meta = Buffer.from('<meta charset="koi8-r">');
    expect(
      detectCharset(
        Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), meta]),
        "text/html; charset=latin1",
      ),
    ).toBe("utf-8");
    expect(detectCharset(meta, "text/html; charset=latin1")).toBe("latin1");
    expect(detectCharset(meta, "text/html")).toBe("koi8-r");
    expect(detectCharset(meta, "")).toBe("koi8-r");
    expect(detectCharset(meta, "text/plain")).toBe("utf-8");
  });

  it("decodes windows-1252 (and its iso-8859-1 alias) with the real 0x80–0x9F table", () => {
    const bytes = Buffer.from([0x93, 0x41, 0x94, 0x20, 0x80, 0x20, 0xe9, 0x81]);
    expect(decodeBody(bytes, "text/html; charset=windows-1252").text).toBe("“A” € é\u0081");
    expect(decodeBody(bytes, "text/html; charset=ISO-8859-1").text).toBe("“A” € é\u0081");
  });

  it("decodes other charsets with TextDecoder and drops the BOM", () => {
    expect(decodeBody(Buffer.from([0xc1, 0xc2]), "text/plain; charset=koi8-r").text).toBe("аб");
    expect(decodeBody(Buffer.from([0xef, 0xbb, 0xbf, 0x68, 0x69]), "text/html").text).toBe("hi");
    expect(decodeBody(Buffer.from([0xff, 0xfe, 0x68, 0x00]), "").text).toBe("h");
  });
});

describe("failures", () => {
  it("parses Retry-After seconds and HTTP dates, ignoring junk", () => {
    const now = Date.parse("2024-03-01T12:00:00Z");
    expect(parseRetryAfter("30", now)).toBe(30);
    expect(parseRetryAfter("Fri, 01 Mar 2024 12:01:00 GMT", now)).toBe(60);
    expect(parseRetryAfter("Fri, 01 Mar 2024 11:00:00 GMT", now)).toBe(0);
    expect(parseRetryAfter("soon", now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });

  it("maps statuses to classes", () => {
    expect(errorForStatus(200, "u")).toBeUndefined();
    expect(errorForStatus(204, "u")).toBeUndefined();
    expect(errorForStatus(404, "u")).toMatchObject({ errorClass: "blocked", code: "http_404" });
    expect(errorForStatus(503, "u", "7")).toMatchObject({
      errorClass: "transient",
      code: "http_503",
      retryAfterSeconds: 7,
    });
    expect(errorForStatus(304, "u")).toMatchObject({ errorClass: "blocked", code: "http_304" });
  });

  it("maps network error codes, looking through causes", () => {
    const dns = Object.assign(new Error("getaddrinfo ENOTFOUND x"), { code: "ENOTFOUND" });
    expect(errorForNetwork(new Error("fetch failed", { cause: dns }), "u")).toMatchObject({
      errorClass: "transient",
      code: "dns",
    });
    const cert = Object.assign(new Error("bad cert"), { code: "CERT_HAS_EXPIRED" });
    expect(errorForNetwork(cert, "u")).toMatchObject({
      errorClass: "transient",
      code: "tls_error",
    });
    expect(errorForNetwork(new Error("???"), "u")).toMatchObject({ code: "network_error" });
  });
});

describe("walls", () => {
  it("spots small challenge pages", () => {
    expect(detectWall("<title>Just a moment...</title><p>Checking your browser</p>")).toBeDefined();
    expect(detectWall("<p>Please verify you are a human</p>")).toBeDefined();
    expect(detectWall("<p>Terms</p>", { "cf-mitigated": "challenge" })).toBeDefined();
  });

  it("ignores scripts and leaves real documents alone", () => {
    expect(
      detectWall("<script>alert('enable javascript')</script><p>Terms of Service</p>"),
    ).toBeUndefined();
    expect(
      detectWall(`<p>${"Our terms. ".repeat(200)} Please enable cookies.</p>`),
    ).toBeUndefined();
  });
});
