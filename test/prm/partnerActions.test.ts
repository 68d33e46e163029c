import { describe, expect, test } from 'vitest';
import { SimClock } from '../../src/core/clock.ts';
import { Impartner, type LeadRegisteredEvent, type PrmRecord, type PrmResult } from '../../src/systems/prm/index.ts';

function value<T>(result: PrmResult<T>): T {
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

function world() {
  const clock = new SimClock();
  const impartner = new Impartner({ clock });
  const account = value(impartner.create('Account', { Name: 'Channel Co', CrmId: '001000000000001AAA', PartnerType: 'Channel' }));
  const other = value(impartner.create('Account', { Name: 'Other', CrmId: '001000000000002AAA' }));
  const manager = value(impartner.create('User', { Email: 'mgr@channel.example', LastName: 'Manager', AccountId: account.Id, IsLeadManager: true }));
  const outsider = value(impartner.create('User', { Email: 'x@other.example', LastName: 'Out', AccountId: other.Id }));
  const prospect = value(impartner.create('Prospect', { LastName: 'Doe', Email: 'jane@acme.example', PartnerAccountId: account.Id, CrmId: '00Q000000000001AAA' }));
  return { clock, impartner, account, manager, outsider, prospect };
}

describe('partners acting on shared prospects', () => {
  test('accept stamps AcceptedDate and the partner contact, recorded with source partner', () => {
    const { clock, impartner, prospect, manager } = world();
    clock.advance(3_600_000);
    const accepted = value(impartner.accept(prospect.Id, manager.Id));
    expect(accepted).toMatchObject({ ShareStatus: 'Accepted', AcceptedDate: '2026-01-05T10:00:00Z', PartnerContactId: manager.Id });
    expect(impartner.history({ recordId: prospect.Id, object: 'Prospect' }).filter((e) => e.source === 'partner').map((e) => e.field)).toEqual(['ShareStatus', 'PartnerContactId', 'AcceptedDate']);
    expect(impartner.accept(prospect.Id)).toMatchObject({ ok: false, status: 400 });
  });

  test('a user of another partner cannot accept', () => {
    const { impartner, prospect, outsider } = world();
    const res = impartner.accept(prospect.Id, outsider.Id);
    expect(res.ok).toBe(false);
    expect(!res.ok && res.message).toMatchInlineSnapshot(`"Failed to accept "Prospect 1": user 2 is not a user of partner account 1. Accept as a user of that partner."`);
  });

  test('reject keeps the reason; lead status moves through the partner picklist', () => {
    const { impartner, prospect } = world();
    expect(value(impartner.setLeadStatus(prospect.Id, 'disqualified'))['LeadStatus']).toBe('Disqualified');
    expect(value(impartner.reject(prospect.Id, 'Not our territory'))).toMatchObject({ ShareStatus: 'Rejected', RejectionReason: 'Not our territory', RejectedDate: '2026-01-05T09:00:00Z' });
    expect(impartner.recall(prospect.Id)).toMatchObject({ ok: false, status: 400 });
    expect(impartner.setLeadStatus(prospect.Id, 'Won')).toMatchObject({ ok: false, status: 400 });
  });

  test('registerLead creates a Lead registration and notifies listeners with the outbound payload', () => {
    const { clock, impartner, manager, account } = world();
    const events: LeadRegisteredEvent[] = [];
    const off = impartner.onLeadRegistered((e) => events.push(e));
    clock.advance(1_000);
    const created = value(impartner.registerLead(manager.Id, { email: 'Lead@Prospect.example', LastName: 'Lee', Country: 'Deutschland', CampaignCrmId: '701000000000001AAA' }));
    expect(created).toMatchObject({ Id: 1, Status: 'Submitted', PartnerAccountId: account.Id, PartnerUserId: manager.Id, Email: 'Lead@Prospect.example' });
    expect(events).toEqual([
      {
        registrationId: 1,
        partnerAccountId: account.Id,
        partnerUserId: manager.Id,
        fields: { Email: 'Lead@Prospect.example', LastName: 'Lee', Country: 'Deutschland', CampaignCrmId: '701000000000001AAA' },
        payload: {
          Id: 1, Email: 'Lead@Prospect.example', LastName: 'Lee', Country: 'Deutschland', CampaignCrmId: '701000000000001AAA',
          PartnerAccountId: '001000000000001AAA', PartnerUserId: String(manager.Id), Status: 'Submitted', Created: '2026-01-05T09:00:01Z', Updated: '2026-01-05T09:00:01Z',
        },
        at: '2026-01-05T09:00:01.000Z',
      },
    ]);
    off();
    value(impartner.registerLead(manager.Id, { Email: 'second@prospect.example' }));
    expect(events).toHaveLength(1);
  });

  test('an unknown or inactive partner user cannot register; a bad registration emits nothing', () => {
    const { impartner, manager } = world();
    const events: unknown[] = [];
    impartner.onLeadRegistered((e) => events.push(e));
    expect(impartner.registerLead(999, { Email: 'a@b.example' })).toMatchObject({ ok: false, status: 404 });
    expect(impartner.registerLead(manager.Id, { LastName: 'No email' })).toMatchObject({ ok: false, status: 400 });
    value(impartner.update('User', { Id: manager.Id, IsActive: false }));
    expect(impartner.registerLead(manager.Id, { Email: 'a@b.example' })).toMatchObject({ ok: false, status: 400 });
    expect(events).toEqual([]);
  });

  test('creating a prospect already Accepted (MDF auto-accept) stamps both dates', () => {
    const { impartner, account } = world();
    const p: PrmRecord = value(impartner.create('Prospect', { LastName: 'Mdf', Email: 'mdf@acme.example', PartnerAccountId: account.Id, ShareStatus: 'Accepted' }));
    expect(p).toMatchObject({ SharedDate: '2026-01-05T09:00:00Z', AcceptedDate: '2026-01-05T09:00:00Z' });
  });
});
