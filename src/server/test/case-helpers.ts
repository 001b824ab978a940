import type { TestClient } from './client';

/**
 * Steps of the support process as a worker takes them through the API, for tests that need a case
 * at a given stage. Each returns the case as the server answered; they fail loudly when the server
 * refuses, so a broken step shows where it broke.
 */
type CaseSummary = {
  id: string;
  version: number;
  status: string;
  caseNumber: string;
  personId: string;
};
type CaseView = {
  case: CaseSummary;
  plans: { id: string; planNo: number; revision: number; status: string }[];
  assessments: { id: string; version: number; status: string }[];
  consents: { id: string; version: number }[];
  monitoring: { id: string; dueOn: string; doneOn: string | null; version: number }[];
  abilities: { actions: string[] };
};

function ok<T>(res: { status: number; body: T; text: string }, what: string): T {
  if (res.status >= 300) throw new Error(`${what} failed: ${res.status} ${res.text}`);
  return res.body;
}

export const samplePerson = {
  name: '架空 一郎',
  nameKana: 'かくう いちろう',
  sex: 'male',
  birthDate: 'S55.3.2',
  phoneMobile: '090-0000-1234',
};

export const sampleIntake = {
  receivedOn: 'R8.4.1',
  routeIn: 'self_visit',
  topics: ['income', 'job_search'],
  mainTopic: 'job_search',
  consultationText: '仕事が見つからず、生活費が足りない。',
};

export async function openIntakeCase(
  client: TestClient,
  person: Record<string, unknown> = samplePerson,
) {
  return ok(
    await client.post<CaseSummary>('/api/cases/intakes', { person, intake: sampleIntake }),
    'intake',
  );
}

export async function getCaseView(client: TestClient, id: string) {
  return ok(await client.get<CaseView>(`/api/cases/${id}`), 'read case');
}

export async function toApplied(client: TestClient, person?: Record<string, unknown>) {
  const kase = await openIntakeCase(client, person);
  const continued = ok(
    await client.post<CaseSummary>(`/api/cases/${kase.id}/triage`, {
      version: kase.version,
      outcome: 'continue',
    }),
    'triage',
  );
  const consent = ok(
    await client.post<{ case: CaseSummary }>(`/api/cases/${kase.id}/consents`, {
      version: continued.version,
      givenOn: 'R8.4.1',
      signedBy: 'person',
      explanationGiven: true,
      allAgencies: true,
      purposes: ['coordination_meeting', 'partner_liaison'],
    }),
    'consent',
  );
  return consent.case;
}

export async function toPlanning(client: TestClient, person?: Record<string, unknown>) {
  const applied = await toApplied(client, person);
  const assessment = ok(
    await client.post<{ id: string; version: number }>(`/api/cases/${applied.id}/assessments`, {
      caseVersion: applied.version,
    }),
    'assessment',
  );
  ok(
    await client.put(`/api/cases/${applied.id}/assessments/${assessment.id}`, {
      version: assessment.version,
      assessment: {
        assessedOn: 'R8.4.3',
        strengths: '人当たりがよく、支援を受け入れる。',
        prognosis: 'improve',
        domains: [
          {
            domain: 'work',
            situation: '失業中',
            issues: '就職活動の方法が分からない',
            sources: ['person'],
          },
        ],
      },
    }),
    'assessment save',
  );
  ok(
    await client.post(`/api/cases/${applied.id}/assessments/${assessment.id}/completion`, {
      version: assessment.version + 1,
    }),
    'assessment complete',
  );
  const view = await getCaseView(client, applied.id);
  const planned = ok(
    await client.post<{ case: CaseSummary; planId: string }>(`/api/cases/${applied.id}/plans`, {
      caseVersion: view.case.version,
    }),
    'plan',
  );
  return { case: planned.case, planId: planned.planId };
}

export const samplePlan = {
  longTermGoal: '安定した仕事に就き、生活を立て直す',
  periodStart: 'R8.4.10',
  periodEnd: 'R8.10.9',
  personWords: 'とにかく仕事を見つけたい',
  employmentSupportTarget: true,
  programmes: ['self_reliance_consultation'],
  monitoringDates: ['R8.7.10'],
  goals: [{ goal: 'ハローワークで求職登録をする', indicator: '登録の完了' }],
  services: [
    {
      content: '就職相談・求人紹介',
      providerName: 'ハローワーク架空',
      serviceClass: 'B',
      frequency: '週1回',
    },
  ],
};

export async function writePlan(
  client: TestClient,
  caseId: string,
  planId: string,
  plan: Record<string, unknown> = samplePlan,
) {
  const current = ok(
    await client.get<{ version: number }>(`/api/cases/${caseId}/plans/${planId}`),
    'plan read',
  );
  return ok(
    await client.put<{ version: number; goals: { id: string }[] }>(
      `/api/cases/${caseId}/plans/${planId}`,
      {
        version: current.version,
        plan,
      },
    ),
    'plan save',
  );
}

export async function planStep(
  client: TestClient,
  caseId: string,
  planId: string,
  step: 'submit' | 'adopt' | 'return' | 'activation',
) {
  const view = await getCaseView(client, caseId);
  const plan = ok(
    await client.get<{ version: number }>(`/api/cases/${caseId}/plans/${planId}`),
    'plan read',
  );
  const path = step === 'activation' ? 'activation' : step;
  return ok(
    await client.post<{ version: number; status: string }>(
      `/api/cases/${caseId}/plans/${planId}/${path}`,
      {
        version: plan.version,
        caseVersion: view.case.version,
      },
    ),
    `plan ${step}`,
  );
}

export async function decide(officer: TestClient, caseId: string, planId: string) {
  const view = await getCaseView(officer, caseId);
  const plan = ok(
    await officer.get<{ version: number }>(`/api/cases/${caseId}/plans/${planId}`),
    'plan read',
  );
  return ok(
    await officer.post(`/api/cases/${caseId}/plans/${planId}/decision`, {
      version: plan.version,
      caseVersion: view.case.version,
      kind: 'confirmation',
      decidedOn: 'R8.4.20',
    }),
    'decision',
  );
}

/** A case all the way to 支援中 with an active first plan. */
export async function toInSupport(
  worker: TestClient,
  officer: TestClient,
  person?: Record<string, unknown>,
) {
  const { case: kase, planId } = await toPlanning(worker, person);
  await writePlan(worker, kase.id, planId);
  await planStep(worker, kase.id, planId, 'submit');
  await planStep(worker, kase.id, planId, 'adopt');
  await decide(officer, kase.id, planId);
  await planStep(worker, kase.id, planId, 'activation');
  return { caseId: kase.id, planId };
}

export async function transition(
  client: TestClient,
  caseId: string,
  action: string,
  reason?: string,
) {
  const view = await getCaseView(client, caseId);
  return client.post<CaseSummary>(`/api/cases/${caseId}/transitions`, {
    version: view.case.version,
    action,
    reason,
  });
}

/**
 * A 支援会議 of the municipality under 生活困窮者自立支援法第9条, with the officer and the whole
 * support agency as members, and one sitting on R8.5.10.
 */
export async function createSupportMeeting(
  officer: TestClient,
  members: { officerId: string; agencyId: string },
) {
  const series = ok(
    await officer.post<{ id: string }>('/api/meeting-series', {
      type: 'support_meeting',
      name: '架空市支援会議',
      legalBasis: 'poverty_act_9',
      pattern: 'ad_hoc',
    }),
    'series',
  );
  for (const member of [
    { userId: members.officerId, appointedOn: 'R8.4.1' },
    { supportAgencyId: members.agencyId, appointedOn: 'R8.4.1' },
  ]) {
    ok(await officer.post(`/api/meeting-series/${series.id}/members`, member), 'member');
  }
  const meeting = ok(
    await officer.post<{ id: string }>('/api/meetings', {
      seriesId: series.id,
      heldOn: 'R8.5.10',
    }),
    'meeting',
  );
  return { seriesId: series.id, meetingId: meeting.id };
}
