/** The host of a website as a bare domain: no scheme, no `www.`, no path, lower case ("https://www.Acme.com/x" → "acme.com"). */
export function domainOfWebsite(website: string | undefined): string | undefined {
  const host = (website === undefined || website.trim() === '' ? undefined : website)
    ?.trim()
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
    .replace(/^www\./, '')
    .split(/[/?#:]/)[0];
  return host === undefined || host === '' ? undefined : host;
}
