import type { CaseAbilities } from '../../domain/policies/case-policy';
import type {
  Assessment,
  AssessmentDomainRow,
  CaseClosure,
  Consent,
  ContactRecord,
  Detection,
  EmergencySupport,
  Evaluation,
  HouseholdMember,
  Intake,
  Person,
  Referral,
  SupportCase,
} from '../db/schema';

/** Rows as the API shows them: camelCase, ISO dates and times. */
export function presentPerson(p: Person) {
  return {
    id: p.id,
    name: p.name,
    nameKana: p.name_kana,
    sex: p.sex,
    birthDate: p.birth_date,
    postalCode: p.postal_code,
    addressPrefecture: p.address_prefecture,
    addressCity: p.address_city,
    addressStreet: p.address_street,
    addressBuilding: p.address_building,
    districtId: p.district_id,
    phoneHome: p.phone_home,
    phoneMobile: p.phone_mobile,
    email: p.email,
    safeContact: p.safe_contact,
    sensitiveCategories: p.sensitive_categories,
    version: p.version,
  };
}

export function presentMember(m: HouseholdMember, agencyIds: string[]) {
  return {
    id: m.id,
    name: m.name,
    nameKana: m.name_kana,
    relationship: m.relationship,
    sex: m.sex,
    birthDate: m.birth_date,
    age: m.age,
    livesTogether: m.lives_together,
    situation: m.situation,
    partnerAgencyIds: agencyIds,
  };
}

export function presentCaseSummary(c: SupportCase) {
  return {
    id: c.id,
    caseNumber: c.case_number,
    personId: c.person_id,
    supportAgencyId: c.support_agency_id,
    leadWorkerId: c.lead_worker_id,
    districtId: c.district_id,
    status: c.status,
    statusChangedAt: c.status_changed_at.toISOString(),
    openedOn: c.opened_on,
    intakeOn: c.intake_on,
    closedOn: c.closed_on,
    version: c.version,
  };
}

export function presentIntake(i: Intake) {
  return {
    receivedOn: i.received_on,
    receivedBy: i.received_by,
    routeIn: i.route_in,
    routeDetail: i.route_detail,
    topics: i.topics,
    mainTopic: i.main_topic,
    topicOther: i.topic_other,
    consultationText: i.consultation_text,
    wishes: i.wishes,
    visitorName: i.visitor_name,
    visitorPhone: i.visitor_phone,
    visitorRelation: i.visitor_relation,
    workStatus: i.work_status,
    housingStatus: i.housing_status,
    healthInsurance: i.health_insurance,
    pensionStatus: i.pension_status,
    urgency: i.urgency,
    triageOutcome: i.triage_outcome,
    triagedOn: i.triaged_on,
    triagedBy: i.triaged_by,
    triageNote: i.triage_note,
    version: i.version,
  };
}

export function presentDetection(d: Detection) {
  return {
    detectedOn: d.detected_on,
    source: d.source,
    sourceDetail: d.source_detail,
    signs: d.signs,
    approachPlan: d.approach_plan,
    version: d.version,
  };
}

export function presentReferral(r: Referral) {
  return {
    id: r.id,
    partnerAgencyId: r.partner_agency_id,
    destinationName: r.destination_name,
    reason: r.reason,
    accompanied: r.accompanied,
    toPublicAssistance: r.to_public_assistance,
    referredOn: r.referred_on,
    followUpOn: r.follow_up_on,
    status: r.status,
    confirmedOn: r.confirmed_on,
    confirmationNote: r.confirmation_note,
    handOverSummary: r.hand_over_summary,
    consentId: r.consent_id,
    dueOn: r.due_on,
    respondedAt: r.responded_at?.toISOString() ?? null,
    respondedBy: r.responded_by,
    responseReason: r.response_reason,
    notedAt: r.noted_at?.toISOString() ?? null,
    createdBy: r.created_by,
    version: r.version,
  };
}

export function presentConsent(c: Consent, agencyIds: string[]) {
  return {
    id: c.id,
    givenOn: c.given_on,
    signedBy: c.signed_by,
    proxyName: c.proxy_name,
    proxyRelation: c.proxy_relation,
    obtainedBy: c.obtained_by,
    explanationGiven: c.explanation_given,
    allAgencies: c.all_agencies,
    partnerAgencyIds: agencyIds,
    purposes: c.purposes,
    purposeOther: c.purpose_other,
    scanAttachmentId: c.scan_attachment_id,
    withdrawnOn: c.withdrawn_on,
    withdrawalReason: c.withdrawal_reason,
    version: c.version,
  };
}

export function presentEmergency(e: EmergencySupport) {
  return {
    id: e.id,
    kind: e.kind,
    kindOther: e.kind_other,
    requestedOn: e.requested_on,
    startedOn: e.started_on,
    endedOn: e.ended_on,
    outcome: e.outcome,
    detail: e.detail,
    version: e.version,
  };
}

export function presentAssessment(a: Assessment, domains: AssessmentDomainRow[]) {
  return {
    id: a.id,
    versionNo: a.version_no,
    status: a.status,
    assessedOn: a.assessed_on,
    authorId: a.author_id,
    strengths: a.strengths,
    prognosis: a.prognosis,
    workerView: a.worker_view,
    chiefReview: a.chief_review,
    reviewedBy: a.reviewed_by,
    reviewedAt: a.reviewed_at?.toISOString() ?? null,
    completedAt: a.completed_at?.toISOString() ?? null,
    version: a.version,
    domains: domains.map((d) => ({
      domain: d.domain,
      situation: d.situation,
      issues: d.issues,
      directFactors: d.direct_factors,
      indirectFactors: d.indirect_factors,
      sources: d.sources,
    })),
  };
}

export function presentContact(c: ContactRecord) {
  return {
    id: c.id,
    occurredAt: c.occurred_at.toISOString(),
    mode: c.mode,
    place: c.place,
    participants: c.participants,
    reached: c.reached,
    summary: c.summary,
    personState: c.person_state,
    judgement: c.judgement,
    nextStep: c.next_step,
    planServiceId: c.plan_service_id,
    taxInformation: c.tax_information,
    recordedBy: c.recorded_by,
    version: c.version,
  };
}

export function presentEvaluation(
  e: Evaluation,
  goals: { plan_goal_id: string; achievement: string; comment: string | null }[],
) {
  return {
    id: e.id,
    planId: e.plan_id,
    evaluatedOn: e.evaluated_on,
    supportReview: e.support_review,
    personView: e.person_view,
    employed: e.employed,
    employmentStartedOn: e.employment_started_on,
    employmentType: e.employment_type,
    incomeIncreased: e.income_increased,
    incomeNote: e.income_note,
    improvements: e.improvements,
    decision: e.decision,
    goals: goals.map((g) => ({
      planGoalId: g.plan_goal_id,
      achievement: g.achievement,
      comment: g.comment,
    })),
  };
}

export function presentClosure(c: CaseClosure) {
  return {
    id: c.id,
    kind: c.kind,
    decidedOn: c.decided_on,
    reason: c.reason,
    reasonDetail: c.reason_detail,
    meetingNote: c.meeting_note,
    followUp: c.follow_up,
    followUpBy: c.follow_up_by,
    followUpMethod: c.follow_up_method,
    followUpUntil: c.follow_up_until,
    createdAt: c.created_at.toISOString(),
  };
}

export type CaseAbilitiesView = CaseAbilities;
