import { describe, expect, it } from 'vitest';
import { StandardLeadSchema } from '../../src/model/inboundLead.ts';
import { ENTRY_POINTS, entryPoint, ENTRY_POINT_DEFINITIONS, transformPayload } from '../../src/entrypoints/registry.ts';

const AT = Date.UTC(2026, 0, 5, 9, 0, 0);

describe('web-form transform', () => {
  it('maps Marketo field names and keeps the raw country', () => {
    const lead = entryPoint('web-form').transform(
      {
        formId: 1042,
        leadFormFields: {
          email: ' Ada.Lovelace@Analytical.io ',
          firstName: 'Ada',
          lastName: 'Lovelace',
          company: 'Analytical Engines',
          country: 'Deutschland',
          phone: '030 1234567',
          title: 'CTO',
          website: 'https://www.analytical.io/about',
          emailOptIn: true,
          offerType: 'Webinar',
          utmSource: 'newsletter',
        },
        visitorData: { pageURL: 'https://example.com/webinar' },
        programName: 'Webinar - Q1 Launch',
      },
      AT,
    );
    expect(lead).toEqual({
      person: {
        email: ' Ada.Lovelace@Analytical.io ',
        firstName: 'Ada',
        lastName: 'Lovelace',
        title: 'CTO',
        phone: '030 1234567',
        country: 'Deutschland',
        consent: 'opt-in',
      },
      company: { name: 'Analytical Engines', domain: 'analytical.io' },
      attribution: { source: 'web-form', offerType: 'Webinar', campaign: 'Webinar - Q1 Launch', memberStatus: 'Registered', occurredAt: AT },
    });
  });

  it('treats blank fields as missing and an unchecked box as unknown consent', () => {
    const lead = entryPoint('web-form').transform({ formId: 1, leadFormFields: { email: 'a@b.co', firstName: '  ', country: '' } }, AT);
    expect(lead.person).toEqual({ email: 'a@b.co', consent: 'unknown' });
    expect(lead.attribution.memberStatus).toBe('Responded');
  });
});

describe('chat transform', () => {
  it('splits the full name and reads the attributes', () => {
    const lead = entryPoint('chat').transform(
      {
        type: 'conversation.lead_captured',
        data: {
          conversationId: 'c-77',
          contact: { email: 'GRACE@navy.mil', name: 'Grace Brewster Hopper', attributes: { company: 'US Navy', country_name: 'U.S.', job_title: 'Rear Admiral' } },
          campaign: 'Chat - Pricing page',
        },
      },
      AT,
    );
    expect(lead.person).toEqual({ email: 'GRACE@navy.mil', firstName: 'Grace', lastName: 'Brewster Hopper', title: 'Rear Admiral', country: 'U.S.', consent: 'unknown' });
    expect(lead.company).toEqual({ name: 'US Navy' });
    expect(lead.attribution).toEqual({ source: 'chat', offerType: 'Chat', campaign: 'Chat - Pricing page', memberStatus: 'Responded', occurredAt: AT });
  });

  it('leaves names out when the visitor gave none', () => {
    const lead = entryPoint('chat').transform({ type: 'conversation.lead_captured', data: { conversationId: 9, contact: { email: 'x@y.io' } } }, AT);
    expect(lead.person).toEqual({ email: 'x@y.io', consent: 'unknown' });
  });
});

describe('ad-vendor transform', () => {
  it('reads the answers by name', () => {
    const lead = entryPoint('ad-vendor').transform(
      {
        platform: 'linkedin',
        form_id: 'f-1',
        campaign_name: 'Paid Social - EMEA Q1',
        field_data: [
          { name: 'email', values: ['linus@kernel.org'] },
          { name: 'full_name', values: ['Linus Torvalds'] },
          { name: 'company_name', values: ['Linux Foundation'] },
          { name: 'country', values: ['fi'] },
          { name: 'phone_number', values: ['+358 40 1234567'] },
          { name: 'marketing_consent', values: ['yes'] },
        ],
        created_time: '2026-01-05T08:00:00+0000',
      },
      AT,
    );
    expect(lead.person).toEqual({ email: 'linus@kernel.org', firstName: 'Linus', lastName: 'Torvalds', phone: '+358 40 1234567', country: 'fi', consent: 'opt-in' });
    expect(lead.attribution).toMatchObject({ source: 'ad-vendor', campaign: 'Paid Social - EMEA Q1', offerType: 'Content' });
  });

  it('uses first_name and last_name when there is no full_name', () => {
    const lead = entryPoint('ad-vendor').transform(
      { form_id: 'f', field_data: [{ name: 'email', values: ['a@b.co'] }, { name: 'first_name', values: ['Ann'] }, { name: 'last_name', values: ['Lee'] }], created_time: 'x' },
      AT,
    );
    expect(lead.person).toMatchObject({ firstName: 'Ann', lastName: 'Lee' });
  });
});

describe('list-upload transform', () => {
  it('maps CSV columns and stamps a partner-sponsored event', () => {
    const lead = entryPoint('list-upload').transform(
      {
        file: 'events/summit.csv',
        line: 3,
        campaign: 'Partner Event - Summit',
        memberStatus: 'Visited Booth',
        partnerAccountId: '001000000000000AAA',
        row: { Email: 'Tim@Web.org', 'First Name': 'Tim', 'Last Name': 'Berners-Lee', Company: 'W3C', Country: 'uk', Phone: '', Consent: 'Yes' },
      },
      AT,
    );
    expect(lead.person).toEqual({ email: 'Tim@Web.org', firstName: 'Tim', lastName: 'Berners-Lee', country: 'uk', consent: 'opt-in' });
    expect(lead.attribution).toEqual({
      source: 'list-upload',
      offerType: 'Event',
      campaign: 'Partner Event - Summit',
      memberStatus: 'Visited Booth',
      partnerAccount: '001000000000000AAA',
      acquisitionSource: 'Partner Sponsored Event',
      occurredAt: AT,
    });
  });

  it('is a plain event without a partner account', () => {
    const lead = entryPoint('list-upload').transform({ campaign: 'Trade Show', memberStatus: 'Attended', row: { Email: 'a@b.co', Consent: 'No' } }, AT);
    // The campaign's default or the entry point's decides later (attribution job); the row says nothing.
    expect(lead.attribution.acquisitionSource).toBeUndefined();
    expect(lead.person.consent).toBe('opt-out');
  });
});

describe('sales-created transform', () => {
  it('keeps the rep as the owner', () => {
    const lead = entryPoint('sales-created').transform(
      {
        ChangeEventHeader: { entityName: 'Lead', changeType: 'CREATE', recordIds: ['00Q000000000001AAA'], commitUser: '005000000000001AAA', commitTimestamp: AT },
        Email: 'buyer@shop.de',
        LastName: 'Müller',
        Company: 'Shop GmbH',
        Country: 'Germany',
        Website: 'shop.de',
        OwnerId: '005000000000001AAA',
      },
      AT,
    );
    expect(lead).toEqual({
      person: { email: 'buyer@shop.de', lastName: 'Müller', country: 'Germany', consent: 'unknown' },
      company: { name: 'Shop GmbH', domain: 'shop.de' },
      attribution: { source: 'sales-created', occurredAt: AT },
      owner: { kind: 'user', id: '005000000000001AAA' },
    });
  });
});

describe('partner-portal transform', () => {
  it('carries the partner account', () => {
    const lead = entryPoint('partner-portal').transform(
      { FirstName: 'Kai', LastName: 'Sato', Email: 'kai@sato.jp', Company: 'Sato KK', Country: 'Japan', PartnerAccountId: '001000000000009AAA', PartnerUserId: 'pu-4', MarketingOptIn: false },
      AT,
    );
    expect(lead.person).toEqual({ email: 'kai@sato.jp', firstName: 'Kai', lastName: 'Sato', country: 'Japan', consent: 'opt-out' });
    expect(lead.attribution).toEqual({ source: 'partner-portal', partnerAccount: '001000000000009AAA', occurredAt: AT });
  });
});

describe('trial-sign-up transform', () => {
  it('prefers the country code and reads the referral', () => {
    const lead = entryPoint('trial-sign-up').transform(
      {
        event: 'trial.started',
        user: { email: 'dev@startup.io', full_name: 'Margaret Hamilton', company: 'Startup', country_code: 'us', country: 'United States', marketing_opt_in: true },
        plan: 'pro',
        started_at: '2026-01-05T09:00:00Z',
        referral: { campaign: 'Partner - Trial - Acme', partner_account_id: '001000000000002AAA' },
      },
      AT,
    );
    expect(lead.person).toEqual({ email: 'dev@startup.io', firstName: 'Margaret', lastName: 'Hamilton', country: 'us', consent: 'opt-in' });
    expect(lead.attribution).toEqual({
      source: 'trial-sign-up',
      offerType: 'Free Trial',
      campaign: 'Partner - Trial - Acme',
      memberStatus: 'Responded',
      partnerAccount: '001000000000002AAA',
      occurredAt: AT,
    });
  });
});

describe('registry', () => {
  it('defines all seven entry points in order, each producing a valid StandardLead of its own source', () => {
    expect(Object.keys(ENTRY_POINT_DEFINITIONS)).toEqual([...ENTRY_POINTS]);
    for (const id of ENTRY_POINTS) expect(entryPoint(id).id).toBe(id);
  });

  it('transforms a parsed payload through its own entry point', () => {
    const lead = transformPayload({ entryPoint: 'chat', payload: { type: 'conversation.lead_captured', data: { conversationId: 1, contact: { email: 'a@b.co' } } } }, AT);
    expect(StandardLeadSchema.parse(lead).attribution.source).toBe('chat');
  });

  it('throws UNKNOWN_ENTRY_POINT for an unknown id', () => {
    expect(() => entryPoint('fax')).toThrowErrorMatchingInlineSnapshot(`
      [InputError: Failed to read the inbound event "input": 1 problem found.
        input $: unknown entry point (expected one of web-form, chat, ad-vendor, list-upload, sales-created, partner-portal, trial-sign-up, got "fax")
      Use one of the 7 entry point ids.]
    `);
  });
});
