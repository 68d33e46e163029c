import type { PipelineJob } from '../pipelineJob.ts';

/** Free-mail domains never match an account. */
export const FREE_MAIL_DOMAINS: ReadonlySet<string> = new Set(['gmail.com', 'yahoo.com', 'hotmail.com', 'outlook.com', 'icloud.com', 'gmx.de', 'web.de', 'proton.me']);

/**
 * Matches the person to an account: a contact's own account, else the account whose website has the email's
 * domain (lead-to-account matching).
 */
export const matchAccount: PipelineJob = {
  name: 'matchAccount',
  async run(work, ctx) {
    const domain = work.lead!.person.email.split('@')[1] ?? '';
    const own = work.existing?.type === 'Contact' ? work.existing.record['AccountId'] : undefined;
    const account = typeof own === 'string' ? await ctx.directory.accountById(own) : FREE_MAIL_DOMAINS.has(domain) ? undefined : await ctx.directory.accountByDomain(domain);
    if (account) work.account = account;
    else delete work.account;
    return { input: { domain, contactAccountId: own ?? null }, output: account ? { accountId: account.Id, name: account['Name'] } : { accountId: null } };
  },
};
