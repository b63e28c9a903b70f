import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Mailbox, TicketActor, TicketFieldChange, Topics } from '@helpgate/contracts';
import { changesOf, TicketPatch } from '../domain/ticket-changes';
import { requireTransition } from '../domain/ticket-status';
import { TicketsErrorCode, TicketsException } from '../domain/tickets.exception';
import { TicketMessageEntity } from './ticket-message.entity';
import { TicketEntity } from './ticket.entity';
import { ticketSnapshot } from './ticket-snapshot';
import { TicketWork } from './ticket-work';
import { TicketCcsRepository } from './ticket-ccs.repository';
import { NewTicket, NewTicketMessage, TicketsRepository, TicketUpdate } from './tickets.repository';

/** What happened to a ticket, with everything a reaction to it (the history, events, automation) needs. */
export type TicketLifecycleEvent =
  | { kind: 'created'; ticket: TicketEntity; actor: TicketActor; firstMessage: TicketMessageEntity }
  | { kind: 'updated'; ticket: TicketEntity; actor: TicketActor; changes: TicketFieldChange[] }
  | { kind: 'message_added'; ticket: TicketEntity; actor: TicketActor; message: TicketMessageEntity };

/** A ticket to open: its fields, its first message, the people copied on it and who opens it. */
export interface TicketRequest {
  draft: NewTicket;
  firstMessage: NewTicketMessage;
  ccs: Mailbox[];
  actor: TicketActor;
}

/** A message to add to a ticket, and who adds it. */
export interface MessageRequest {
  ticket: TicketEntity;
  draft: NewTicketMessage;
  actor: TicketActor;
}

/** Something that acts on what happens to tickets (the automation rules), inside the transaction of the change. */
export interface TicketReaction {
  react(event: TicketLifecycleEvent, work: TicketWork): Promise<void>;
}

/**
 * The one way tickets are opened, changed and given messages, whoever does it (mail, agents, later the portal and
 * automation rules): the status rules apply, the response and solution times follow, and every step is written to the
 * ticket's history and published as `tickets.ticket.changed` in the caller's transaction. The reactions registered
 * (automation) then act on it in the same transaction, except on what a rule itself did: a rule's change or message
 * never runs the rules again, so rules cannot trigger themselves or each other in a loop.
 */
@Injectable()
export class TicketLifecycleService {
  private readonly reactions: TicketReaction[] = [];

  constructor(
    private readonly tickets: TicketsRepository,
    private readonly ccs: TicketCcsRepository,
  ) {}

  /** Registered once at start-up by the module that reacts (the automation rules). */
  addReaction(reaction: TicketReaction): void {
    this.reactions.push(reaction);
  }

  /** Opens a ticket with its first message and the people copied on it (as many as the caller allows). */
  async open(
    draft: NewTicket,
    firstMessage: NewTicketMessage,
    ccs: Mailbox[],
    actor: TicketActor,
    work: TicketWork,
  ): Promise<TicketEntity> {
    const [ticket] = await this.openAll([{ draft, firstMessage, ccs, actor }], work);
    return ticket;
  }

  /**
   * Opens tickets in one statement, numbered in the order given; then, ticket by ticket, records the people copied
   * and what happened (the rules react to each in turn). Each ticket sees the same steps as one opened alone.
   */
  async openAll(requests: readonly TicketRequest[], work: TicketWork): Promise<TicketEntity[]> {
    const opened = await this.tickets.createAll(
      requests.map(({ draft, firstMessage }) => ({ ticket: draft, firstMessage })),
      work.manager,
    );
    for (const [index, { ticket, message }] of opened.entries()) {
      const { ccs, actor } = requests[index];
      await this.ccs.add(ticket.id, ccs, ccs.length, work.manager);
      await this.happened({ kind: 'created', ticket, actor, firstMessage: message }, work);
    }
    return opened.map(({ ticket }) => ticket);
  }

  /** Adds a message; the first public reply of an agent sets the first-response time. */
  async addMessage(ticket: TicketEntity, draft: NewTicketMessage, actor: TicketActor, work: TicketWork): Promise<TicketMessageEntity> {
    const [message] = await this.addMessages([{ ticket, draft, actor }], work);
    return message;
  }

  /** Adds messages in one statement; then, message by message, what `addMessage` does after it. */
  async addMessages(additions: readonly MessageRequest[], work: TicketWork): Promise<TicketMessageEntity[]> {
    const messages = await this.tickets.addMessages(
      additions.map(({ ticket, draft }) => ({ ticket, message: draft })),
      work.manager,
    );
    for (const [index, message] of messages.entries()) {
      const { ticket, actor } = additions[index];
      if (message.authorKind === 'agent' && message.visibility === 'public' && !ticket.firstResponseAt) {
        await this.tickets.update(ticket, { firstResponseAt: message.createdAt }, work.manager);
      }
      await this.happened({ kind: 'message_added', ticket, actor, message }, work);
    }
    return messages;
  }

  /**
   * Applies what really changes of the patch (none: nothing happens). A status move the rules forbid is refused, and
   * so is any change to a closed ticket.
   */
  async change(ticket: TicketEntity, patch: TicketPatch, actor: TicketActor, work: TicketWork): Promise<TicketFieldChange[]> {
    if (patch.status) requireTransition(ticket.status, patch.status);
    const changes = changesOf(ticket, patch);
    if (changes.length === 0) return [];
    if (ticket.status === 'closed') {
      throw new TicketsException(
        TicketsErrorCode.TicketClosed,
        `Ticket #${ticket.number} is closed and cannot change; reply to open a follow-up`,
      );
    }
    const update = Object.fromEntries(changes.map((change) => [change.field, change.to])) as TicketUpdate;
    if (update.status === 'solved') update.solvedAt = new Date();
    else if (update.status && ticket.status === 'solved') update.solvedAt = null;
    await this.tickets.update(ticket, update, work.manager);
    if ('categoryId' in update) await this.tickets.reloadCategory(ticket, work.manager);
    await this.happened({ kind: 'updated', ticket, actor, changes }, work);
    return changes;
  }

  /**
   * Writes to the history and publishes that identity merged the requester of these tickets (`fromContactId`) into
   * the contact they now name; their rows were moved by the caller, all in one statement. The reactions do not run:
   * nobody worked on the tickets, and a merge must not mail about or change a contact's whole history.
   */
  requesterMerged(moved: readonly TicketEntity[], fromContactId: string, work: TicketWork): void {
    for (const ticket of moved) {
      const changes: TicketFieldChange[] = [{ field: 'requesterContactId', from: fromContactId, to: ticket.requesterContactId }];
      this.recordAndPublish({ kind: 'updated', ticket, actor: { type: 'system' }, changes }, work);
    }
  }

  private async happened(event: TicketLifecycleEvent, work: TicketWork): Promise<void> {
    this.recordAndPublish(event, work);
    if (event.actor.type === 'rule') return;
    for (const reaction of this.reactions) await reaction.react(event, work);
  }

  /** The ticket's history entry and its `tickets.ticket.changed` event, held by the work until it ends. */
  private recordAndPublish(event: TicketLifecycleEvent, work: TicketWork): void {
    const { ticket, actor } = event;
    const message = event.kind === 'message_added' ? describeMessage(event.message) : undefined;
    work.record({
      ticketId: ticket.id,
      action: event.kind,
      actorType: actor.type,
      actorId: actor.type === 'system' ? null : actor.id,
      changes: event.kind === 'created' ? initialValues(ticket) : event.kind === 'updated' ? event.changes : [],
      message: message ?? null,
      note: null,
    });
    work.publish(Topics.TicketsTicketChanged, ticket.id, {
      eventId: randomUUID(),
      occurredAt: new Date().toISOString(),
      change: event.kind,
      actor,
      ticket: ticketSnapshot(ticket),
      changes: event.kind === 'updated' ? event.changes : [],
      ...(message ? { message } : {}),
    });
  }
}

function describeMessage(message: TicketMessageEntity) {
  return { id: message.id, visibility: message.visibility, direction: message.direction, authorKind: message.authorKind };
}

/** A new ticket's history starts with the values it was opened with. */
function initialValues(ticket: TicketEntity): TicketFieldChange[] {
  const values: TicketFieldChange[] = [
    { field: 'status', from: null, to: ticket.status },
    { field: 'priority', from: null, to: ticket.priority },
  ];
  if (ticket.categoryId) values.push({ field: 'categoryId', from: null, to: ticket.categoryId });
  if (ticket.assigneeId) values.push({ field: 'assigneeId', from: null, to: ticket.assigneeId });
  if (ticket.tags.length > 0) values.push({ field: 'tags', from: null, to: ticket.tags });
  return values;
}
