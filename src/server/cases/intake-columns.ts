import type { IntakeInput } from './schema';

/** The request's 相談受付・申込票 as intake columns. */
export function intakeColumns(input: IntakeInput) {
  return {
    received_on: input.receivedOn,
    route_in: input.routeIn,
    route_detail: input.routeDetail,
    topics: input.topics,
    main_topic: input.mainTopic,
    topic_other: input.topicOther,
    consultation_text: input.consultationText,
    wishes: input.wishes,
    visitor_name: input.visitorName,
    visitor_phone: input.visitorPhone,
    visitor_relation: input.visitorRelation,
    work_status: input.workStatus,
    housing_status: input.housingStatus,
    health_insurance: input.healthInsurance,
    pension_status: input.pensionStatus,
    urgency: input.urgency,
  };
}
