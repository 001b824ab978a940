import { auditCase, loadCase, loadCaseToWork } from '../cases/case-access';
import type { ActorContext, AppDeps } from '../http/context';
import { fieldError, notFound } from '../http/domain-error';

export const maxAttachmentBytes = 10 * 1024 * 1024;
const mediaTypes = ['application/pdf', 'image/jpeg', 'image/png'] as const;
type MediaType = (typeof mediaTypes)[number];

function isMediaType(value: string): value is MediaType {
  return (mediaTypes as readonly string[]).includes(value);
}

/** A scanned document kept with the case (the signed application). */
export async function uploadAttachment(
  deps: AppDeps,
  ctx: ActorContext,
  caseId: string,
  file: File,
) {
  const { row } = await loadCaseToWork(deps, ctx, caseId, 'attachment.create');
  if (!isMediaType(file.type)) throw fieldError('file', 'fileType');
  if (file.size === 0 || file.size > maxAttachmentBytes) throw fieldError('file', 'fileTooLarge');
  const content = new Uint8Array(await file.arrayBuffer());
  return deps.database.db.transaction().execute(async (trx) => {
    const created = await trx
      .insertInto('attachment')
      .values({
        municipality_id: row.municipality_id,
        case_id: caseId,
        file_name: file.name.slice(0, 200) || 'scan',
        media_type: file.type as MediaType,
        size_bytes: file.size,
        content,
        uploaded_by: ctx.actor.userId,
      })
      .returning(['id', 'file_name', 'media_type', 'size_bytes', 'uploaded_at'])
      .executeTakeFirstOrThrow();
    await auditCase(trx, ctx, row, 'attachment.create', { type: 'attachment', id: created.id });
    return {
      id: created.id,
      fileName: created.file_name,
      mediaType: created.media_type,
      sizeBytes: created.size_bytes,
      uploadedAt: created.uploaded_at.toISOString(),
    };
  });
}

export async function readAttachment(
  deps: AppDeps,
  ctx: ActorContext,
  caseId: string,
  attachmentId: string,
) {
  const { row } = await loadCase(deps, ctx, caseId, 'attachment.read');
  const file = await deps.database.db
    .selectFrom('attachment')
    .select(['id', 'file_name', 'media_type', 'content'])
    .where('id', '=', attachmentId)
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  if (!file)
    throw notFound({
      action: 'attachment.read',
      subjectType: 'attachment',
      subjectId: attachmentId,
    });
  await auditCase(deps.database.db, ctx, row, 'attachment.read', {
    type: 'attachment',
    id: attachmentId,
  });
  return file;
}
