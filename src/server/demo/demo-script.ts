import type { z } from 'zod';
import { addDays } from '../../domain/cases/deadlines';
import { completeAssessment } from '../assessments/complete-assessment';
import { reviewAssessment } from '../assessments/review-assessment';
import { saveAssessment } from '../assessments/save-assessment';
import { assessmentFields } from '../assessments/schema';
import { startAssessment } from '../assessments/start-assessment';
import { changeCaseStatus } from '../cases/change-case-status';
import { recordContact } from '../cases/contact-records';
import { recordEmergencySupport } from '../cases/emergency-support';
import { contactFields, emergencyFields } from '../cases/schema';
import { recordConsent } from '../consent/record-consent';
import { consentBody } from '../consent/schema';
import type { ActorContext, AppDeps } from '../http/context';
import { createPlan } from '../plans/create-plan';
import { createPlanChange } from '../plans/create-plan-change';
import { decideSupport } from '../plans/decide-support';
import { recordEvaluation } from '../plans/record-evaluation';
import { recordMonitoring } from '../plans/record-monitoring';
import { reviewPlan } from '../plans/review-plan';
import { evaluationBody, monitoringBody, planFields, supportDecisionBody } from '../plans/schema';
import { startSupport } from '../plans/start-support';
import { updatePlan } from '../plans/update-plan';

/** Demo users by login id (see demo-data.ts). */
export type DemoLogin = 'shien' | 'shunin' | 'shuro' | 'kakei' | 'jichitai';

/** A field list as a caller writes it: the optional fields (inputs of type unknown) may be left out. */
type Loose<T> = T extends readonly (infer U)[]
  ? Loose<U>[]
  : T extends object
    ? { [K in keyof T as unknown extends T[K] ? K : never]?: T[K] } & {
        [K in keyof T as unknown extends T[K] ? never : K]: Loose<T[K]>;
      }
    : T;
type Raw<S extends z.ZodType> = Loose<z.input<S>>;
type PlanRaw = Omit<Raw<typeof planFields>, 'monitoringDates'> & { monitoringDates?: number[] };
/** One service line of a demo plan. */
export type PlanLine = NonNullable<PlanRaw['services']>[number];

/**
 * Plays a demo case through the same use cases the screens call, one step at a time, with the
 * clock set to the day each step happened (counted in days from today). Every input goes through
 * the request schemas first, so the demo obeys the rules a caseworker does.
 */
export class DemoScript {
  private moment: Date;
  readonly deps: AppDeps;

  constructor(
    base: Omit<AppDeps, 'now'>,
    private readonly actors: Record<DemoLogin, ActorContext>,
    readonly partners: Record<string, string>,
    readonly today: string,
  ) {
    this.moment = new Date();
    this.deps = { ...base, now: () => new Date(this.moment) };
  }

  /** The ISO date `offset` days from today. */
  date(offset: number): string {
    return addDays(this.today, offset);
  }

  /** Sets the clock to that day at the given Japan time and returns the date. */
  on(offset: number, time = '10:00'): string {
    const date = this.date(offset);
    this.moment = new Date(`${date}T${time}:00+09:00`);
    return date;
  }

  as(login: DemoLogin): ActorContext {
    return this.actors[login];
  }

  userId(login: DemoLogin): string {
    return this.actors[login].actor.userId;
  }

  partner(name: string): string {
    const id = this.partners[name];
    if (!id) throw new Error(`demo partner agency not found: ${name}`);
    return id;
  }

  private get db() {
    return this.deps.database.db;
  }

  async caseVersion(caseId: string): Promise<number> {
    const row = await this.db
      .selectFrom('support_case')
      .select('version')
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    return row.version;
  }

  async contact(
    caseId: string,
    offset: number,
    time: string,
    who: DemoLogin,
    raw: Omit<Raw<typeof contactFields>, 'occurredAt'>,
  ) {
    const date = this.on(offset, time);
    return recordContact(
      this.deps,
      this.as(who),
      caseId,
      contactFields.parse({ ...raw, occurredAt: `${date}T${time}` }),
    );
  }

  async emergency(caseId: string, offset: number, raw: Raw<typeof emergencyFields>) {
    this.on(offset, '15:00');
    return recordEmergencySupport(this.deps, this.as('shien'), caseId, emergencyFields.parse(raw));
  }

  async consent(
    caseId: string,
    offset: number,
    raw: Omit<Raw<typeof consentBody>, 'version' | 'givenOn'>,
  ) {
    const givenOn = this.on(offset, '11:00');
    return recordConsent(
      this.deps,
      this.as('shien'),
      caseId,
      consentBody.parse({ ...raw, givenOn, version: await this.caseVersion(caseId) }),
    );
  }

  async status(
    caseId: string,
    offset: number,
    action: Parameters<typeof changeCaseStatus>[3]['action'],
    reason: string | null = null,
    who: DemoLogin = 'shien',
  ) {
    this.on(offset, '16:00');
    return changeCaseStatus(this.deps, this.as(who), caseId, {
      version: await this.caseVersion(caseId),
      action,
      reason,
    });
  }

  /** An assessment from start to the chief's review (the review only when a note is given). */
  async assess(
    caseId: string,
    days: { start: number; complete: number; review?: number },
    raw: Omit<Raw<typeof assessmentFields>, 'assessedOn'>,
    chiefReview?: string,
  ) {
    this.on(days.start);
    const assessedOn = this.date(days.start);
    await startAssessment(this.deps, this.as('shien'), caseId, {
      caseVersion: await this.caseVersion(caseId),
    });
    const row = await this.db
      .selectFrom('assessment')
      .select(['id', 'version'])
      .where('case_id', '=', caseId)
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow();
    await saveAssessment(this.deps, this.as('shien'), caseId, row.id, {
      version: row.version,
      assessment: assessmentFields.parse({ ...raw, assessedOn }),
    });
    this.on(days.complete, '17:00');
    await completeAssessment(this.deps, this.as('shien'), caseId, row.id, {
      version: await this.assessmentVersion(row.id),
    });
    if (chiefReview && days.review !== undefined) {
      this.on(days.review, '09:30');
      await reviewAssessment(this.deps, this.as('shunin'), caseId, row.id, {
        version: await this.assessmentVersion(row.id),
        chiefReview,
      });
    }
    return row.id;
  }

  private async assessmentVersion(id: string): Promise<number> {
    const row = await this.db
      .selectFrom('assessment')
      .select('version')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    return row.version;
  }

  private async planRow(caseId: string, status: string) {
    return this.db
      .selectFrom('plan')
      .select(['id', 'version'])
      .where('case_id', '=', caseId)
      .where('status', '=', status as 'draft')
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow();
  }

  /**
   * A plan written and submitted to the 支援調整会議, where it waits for review. A revision
   * (プラン変更) when `changeReason` is given. Returns the plan's id.
   */
  async submitPlan(
    caseId: string,
    raw: PlanRaw,
    steps: { write: number; submit: number; changeReason?: string },
  ) {
    this.on(steps.write, '14:00');
    if (steps.changeReason) {
      await createPlanChange(this.deps, this.as('shien'), caseId, {
        changeReason: steps.changeReason,
      });
    } else {
      await createPlan(this.deps, this.as('shien'), caseId, {
        caseVersion: await this.caseVersion(caseId),
      });
    }
    let plan = await this.planRow(caseId, 'draft');
    const { monitoringDates, ...content } = raw;
    await updatePlan(this.deps, this.as('shien'), caseId, plan.id, {
      version: plan.version,
      plan: planFields.parse({
        ...content,
        changeReason: steps.changeReason ?? content.changeReason,
        monitoringDates: (monitoringDates ?? []).map((d) => this.date(d)),
      }),
    });
    this.on(steps.submit, '09:00');
    plan = await this.planRow(caseId, 'draft');
    await reviewPlan(this.deps, this.as('shien'), caseId, plan.id, 'submit', {
      version: plan.version,
      caseVersion: await this.caseVersion(caseId),
      note: null,
      on: this.date(steps.submit),
    });
    return plan.id;
  }

  /**
   * A plan from draft to force: written, submitted to the 支援調整会議, adopted there, decided by
   * the municipality and started. A revision (プラン変更) when `changeReason` is given.
   */
  async plan(
    caseId: string,
    raw: PlanRaw,
    steps: {
      write: number;
      submit: number;
      adopt: number;
      adoptNote: string;
      decide: number;
      decision: Omit<Raw<typeof supportDecisionBody>, 'version' | 'caseVersion' | 'decidedOn'>;
      start: number;
      changeReason?: string;
    },
  ) {
    await this.submitPlan(caseId, raw, steps);
    this.on(steps.adopt, '15:30');
    let plan = await this.planRow(caseId, 'under_review');
    await reviewPlan(this.deps, this.as('shien'), caseId, plan.id, 'adopt', {
      version: plan.version,
      caseVersion: await this.caseVersion(caseId),
      note: steps.adoptNote,
      on: this.date(steps.adopt),
    });
    this.on(steps.decide, '11:00');
    plan = await this.planRow(caseId, 'adopted');
    await decideSupport(
      this.deps,
      this.as('jichitai'),
      caseId,
      plan.id,
      supportDecisionBody.parse({
        ...steps.decision,
        version: plan.version,
        caseVersion: await this.caseVersion(caseId),
        decidedOn: this.date(steps.decide),
      }),
    );
    this.on(steps.start, '10:00');
    plan = await this.planRow(caseId, 'decided');
    await startSupport(this.deps, this.as('shien'), caseId, plan.id, {
      version: plan.version,
      caseVersion: await this.caseVersion(caseId),
      on: this.date(steps.start),
    });
    return plan.id;
  }

  /** Fills in the monitoring the plan scheduled for that day. */
  async monitor(
    caseId: string,
    due: number,
    done: number,
    raw: Omit<Raw<typeof monitoringBody>, 'version' | 'doneOn'>,
  ) {
    const row = await this.db
      .selectFrom('monitoring')
      .select(['id', 'version'])
      .where('case_id', '=', caseId)
      .where('due_on', '=', this.date(due))
      .executeTakeFirstOrThrow();
    this.on(done, '17:00');
    return recordMonitoring(
      this.deps,
      this.as('shien'),
      caseId,
      row.id,
      monitoringBody.parse({ ...raw, version: row.version, doneOn: this.date(done) }),
    );
  }

  /** プラン評価 of the plan in force: one achievement per goal, in the plan's order. */
  async evaluate(
    caseId: string,
    offset: number,
    achievements: [Raw<typeof evaluationBody>['goals'][number]['achievement'], string][],
    raw: Omit<Raw<typeof evaluationBody>, 'caseVersion' | 'evaluatedOn' | 'goals'>,
  ) {
    await this.status(caseId, offset, 'start_evaluation', null);
    const plan = await this.planRow(caseId, 'active');
    const goals = await this.db
      .selectFrom('plan_goal')
      .select('id')
      .where('plan_id', '=', plan.id)
      .orderBy('sort_order')
      .execute();
    if (goals.length !== achievements.length) {
      throw new Error(
        `the demo evaluation has ${achievements.length} goals, the plan ${goals.length}`,
      );
    }
    this.on(offset, '16:30');
    return recordEvaluation(
      this.deps,
      this.as('shien'),
      caseId,
      evaluationBody.parse({
        ...raw,
        caseVersion: await this.caseVersion(caseId),
        evaluatedOn: this.date(offset),
        goals: goals.map((g, i) => ({
          planGoalId: g.id,
          achievement: achievements[i]?.[0],
          comment: achievements[i]?.[1],
        })),
      }),
    );
  }
}
