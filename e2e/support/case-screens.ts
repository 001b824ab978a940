import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { CaseStatus } from '../../src/domain/cases/case-status';
import { addDays } from '../../src/domain/cases/deadlines';
import { todayInJapan } from '../../src/domain/text/wareki';
import { openIntake } from '../../src/server/cases/open-intake';
import { openIntakeBody } from '../../src/server/cases/schema';
import { triageContinue } from '../../src/server/demo/demo-cases';
import { DemoScript } from '../../src/server/demo/demo-script';
import { demoScriptOn } from '../../src/server/demo/seed-demo';
import { testConfig } from '../../src/server/test/test-app';
import { type Harness, signIn } from './harness';

export const today = todayInJapan();
export const inDays = (days: number) => addDays(today, days);

/**
 * A consultation of the demo worker, taken `day` days from today (ten days ago unless said) by
 * phone unless said, continued here and consented to the next day (for every agency unless the
 * consent names partners), made through the demo script's use cases: a case ready for its
 * assessment. On the harness's database, or through a script the caller goes on with.
 */
export async function consentedCase(
  on: Harness | DemoScript,
  person: { name: string; kana: string },
  intake: { topics: string[]; mainTopic: string; consultationText: string; routeIn?: string },
  {
    day = -10,
    consent = { allAgencies: true, purposes: ['coordination_meeting', 'partner_liaison'] },
  }: {
    day?: number;
    consent?: Pick<
      Parameters<DemoScript['consent']>[2],
      'allAgencies' | 'partnerAgencyIds' | 'purposes'
    >;
  } = {},
): Promise<string> {
  const s =
    on instanceof DemoScript ? on : await demoScriptOn(on.database, testConfig(), new Date());
  s.on(day, '10:00');
  const opened = await openIntake(
    s.deps,
    s.as('shien'),
    openIntakeBody.parse({
      person: { name: person.name, nameKana: person.kana, addressCity: '架空市' },
      intake: { receivedOn: s.date(day), routeIn: 'self_phone', ...intake },
    }),
  );
  await triageContinue(s, opened.id, day, '継続して支援する。');
  await s.consent(opened.id, day + 1, { signedBy: 'person', explanationGiven: true, ...consent });
  return opened.id;
}

/**
 * A caseworker's hands on the case screens: every step clicks and types what a person would, and
 * then waits until the database shows the step happened (the screens do the work; the database is
 * only read).
 */
export class CaseScreens {
  caseId = '';

  constructor(
    private readonly h: Harness,
    readonly page: Page,
  ) {}

  static async signedIn(h: Harness, loginId: string): Promise<CaseScreens> {
    const { page } = await h.newPage();
    await signIn(page, h.origin, loginId);
    return new CaseScreens(h, page);
  }

  field(id: string) {
    return this.page.locator(`[id="${id}"]`);
  }

  async fill(id: string, value: string) {
    await this.field(id).fill(value);
  }

  async select(id: string, value: string) {
    await this.field(id).selectOption(value);
  }

  async check(id: string) {
    await this.field(id).check();
  }

  async radio(group: string, value: string) {
    await this.page.locator(`fieldset[id="${group}"] input[value="${value}"]`).check();
  }

  async click(name: string) {
    await this.page.getByRole('button', { name, exact: true }).click();
  }

  async tab(name: string) {
    await this.page.goto(
      `${this.h.origin}/cases/${this.caseId}${name === 'overview' ? '' : `/${name}`}`,
    );
    await this.page.getByTestId('case-header').waitFor();
  }

  async status(): Promise<CaseStatus> {
    const row = await this.h.database.db
      .selectFrom('support_case')
      .select('status')
      .where('id', '=', this.caseId)
      .executeTakeFirstOrThrow();
    return row.status;
  }

  async waitForStatus(status: CaseStatus) {
    await expect.poll(() => this.status(), { timeout: 10_000 }).toBe(status);
    // The badge on the page follows.
    await this.page
      .getByTestId('case-header')
      .getByText(await this.statusLabel(status), { exact: true })
      .waitFor();
  }

  private async statusLabel(status: CaseStatus) {
    const { caseStatusLabels } = await import('../../src/domain/cases/case-status');
    return caseStatusLabels[status].ja;
  }

  async planRows() {
    return this.h.database.db
      .selectFrom('plan')
      .select(['id', 'plan_no', 'revision', 'status', 'version'])
      .where('case_id', '=', this.caseId)
      .orderBy('plan_no')
      .orderBy('revision')
      .execute();
  }

  /** Runs a status-only action from the overview's 次にできること. */
  async simpleAction(label: string, to: CaseStatus) {
    await this.tab('overview');
    await this.click(label);
    await this.click('実行する');
    await this.waitForStatus(to);
  }

  async recordContact(summary: string) {
    await this.tab('records');
    await this.fill('summary', summary);
    await this.click('記録する');
    await this.page.getByText(summary).first().waitFor();
  }

  /** 振り分け on the intake tab: support continues here. */
  async continueHere() {
    await this.tab('intake');
    await this.radio('outcome', 'continue');
    await this.click('振り分けを記録する');
    await this.waitForStatus('continuing');
  }

  /** 利用申込・同意, with the explanation given and every agency in scope. */
  async consent() {
    await this.tab('consent');
    await this.check('explanationGiven');
    await this.click('同意を記録する');
    await this.waitForStatus('applied');
  }

  /**
   * A plan from its creation to force: written, reviewed at the 支援調整会議, decided by the
   * municipal officer on their own screen, started.
   */
  async planThrough(
    officer: CaseScreens,
    plan: Parameters<CaseScreens['writePlan']>[0] & { meetingNote: string },
  ) {
    await this.draftPlan(plan);
    await this.reviewPlan(plan.meetingNote);
    await this.decideAs(officer, plan.programmes ?? []);
    await this.startSupport();
  }

  /** Creates the case's next plan (the first, or a re-plan), writes it and saves the draft. */
  async draftPlan(plan: Parameters<CaseScreens['writePlan']>[0]) {
    const before = (await this.planRows()).length;
    await this.tab('plan');
    await this.click(before === 0 ? 'プランを作成する' : '再プランを作成する');
    await expect.poll(async () => (await this.planRows()).length).toBe(before + 1);
    await this.tab('plan');
    await this.writePlan(plan);
  }

  /** Starts the first assessment, fills one domain, saves and completes it. */
  async assess(domain: string, situation: string) {
    await this.tab('assessment');
    await this.click('アセスメントを始める');
    await this.waitForStatus('assessing');
    await this.page.locator(`details[data-domain="${domain}"] summary`).click();
    await this.fill(`${domain}.situation`, situation);
    await this.fill('strengths', '関係性を築けば支援を受け入れる。');
    await this.radio('prognosis', 'improve');
    await this.click('下書きを保存する');
    const complete = this.page.getByRole('button', { name: 'この版を完了する' });
    await expect.poll(() => complete.isEnabled()).toBe(true);
    await complete.click();
    await this.page.getByText('第1版（完了）').waitFor();
  }

  /** Writes the draft plan on the plan tab and saves it. */
  async writePlan(plan: {
    longTermGoal: string;
    goals: string[];
    service: { content: string; serviceClass: string; programme?: string };
    programmes?: string[];
  }) {
    await this.fill('longTermGoal', plan.longTermGoal);
    await this.fill('periodStart', today);
    await this.fill('periodEnd', inDays(90));
    const goals = this.page.getByTestId('plan-goal');
    for (const [i, goal] of plan.goals.entries()) {
      if ((await goals.count()) <= i) await this.click('目標を追加する');
      await this.fill(`goals.${i}.goal`, goal);
    }
    while ((await goals.count()) > plan.goals.length) {
      await goals.last().getByRole('button').click();
    }
    if ((await this.page.getByTestId('plan-service').count()) === 0) {
      await this.click('支援内容を追加する');
    }
    await this.fill('services.0.content', plan.service.content);
    await this.select('services.0.serviceClass', plan.service.serviceClass);
    await this.select('services.0.programme', plan.service.programme ?? '');
    await this.fill('monitoringDates', inDays(30));
    for (const programme of plan.programmes ?? []) {
      const box = this.field(`programmes-${programme}`);
      if (!(await box.isChecked())) await box.check();
    }
    const before = (await this.planRows()).find((p) => p.status === 'draft');
    const editor = await this.page.getByTestId('plan-editor').elementHandle();
    await this.click('下書きを保存する');
    await expect
      .poll(async () => (await this.planRows()).find((p) => p.id === before?.id)?.version)
      .toBeGreaterThan(before?.version ?? 0);
    // The screen then opens the saved plan afresh: a new editor (keyed by the plan's version,
    // PlanTab.tsx) replaces this one once the case is read again; until then its fields are
    // disabled. Go on in the new one.
    await expect
      .poll(() => editor?.evaluate((form) => form.isConnected), { timeout: 10_000 })
      .toBe(false);
  }

  /** Submits the draft to the 支援調整会議 and records it adopted there. */
  async reviewPlan(note: string) {
    await this.tab('plan');
    await this.click('支援調整会議に提出する');
    await this.waitForStatus('plan_review');
    await this.fill('adoptionNote', note);
    await this.click('会議で了承された');
    await this.waitForStatus('plan_adopted');
  }

  /** The municipal officer records the support decision on their own screen. */
  async decideAs(officer: CaseScreens, programmes: string[]) {
    officer.caseId = this.caseId;
    await officer.tab('plan');
    await officer.page.getByTestId('support-decision').waitFor();
    if (programmes.length === 0) await officer.radio('decisionKind', 'confirmation');
    await officer.click('支援決定を記録する');
    await this.waitForStatusQuietly('support_decided');
  }

  private async waitForStatusQuietly(status: CaseStatus) {
    await expect.poll(() => this.status(), { timeout: 10_000 }).toBe(status);
  }

  async startSupport() {
    await this.tab('plan');
    await this.click('支援を開始する');
    await this.waitForStatus('in_support');
  }

  /** Evaluates the plan in force: every goal as given, and the decision. */
  async evaluate(options: {
    achievement: 'achieved' | 'partly' | 'not_achieved';
    decision: 'replan' | 'terminate' | 'continue';
    employed?: { startedOn: string; type: string };
  }) {
    await this.simpleAction('プラン評価を始める', 'evaluation');
    await this.tab('monitoring');
    const form = this.page.getByTestId('evaluation-form');
    await form.waitFor();
    const goals = await this.h.database.db
      .selectFrom('plan_goal')
      .innerJoin('plan', 'plan.id', 'plan_goal.plan_id')
      .select('plan_goal.id')
      .where('plan.case_id', '=', this.caseId)
      .where('plan.status', '=', 'active')
      .execute();
    for (const [i] of goals.entries())
      await this.radio(`goals.${i}.achievement`, options.achievement);
    if (options.employed) {
      await this.check('employed');
      await this.fill('employmentStartedOn', options.employed.startedOn);
      await this.select('employmentType', options.employed.type);
    }
    await this.radio('decision', options.decision);
    const before = await this.evaluationCount();
    await this.click('評価を記録する');
    await expect.poll(() => this.evaluationCount()).toBe(before + 1);
  }

  async evaluationCount(): Promise<number> {
    const rows = await this.h.database.db
      .selectFrom('evaluation')
      .select('id')
      .where('case_id', '=', this.caseId)
      .execute();
    return rows.length;
  }
}
