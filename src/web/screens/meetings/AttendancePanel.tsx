import { useState } from 'react';
import { attendanceRoleLabels, attendanceRoles } from '../../../domain/meetings/meeting-types';
import { api } from '../../api/client';
import { Button } from '../../components/Button';
import { CheckboxGroup, SelectField, TextField } from '../../components/fields';
import { Notice } from '../../components/Notice';
import { optionsOf } from '../../components/options';
import { RadioGroup } from '../../components/RadioGroup';
import { useI18n } from '../../i18n/i18n';
import { useCaseStaff, usePartners } from '../cases/case-data';
import { type MeetingView, useMeetingStep } from './meeting-data';

interface Row {
  key: string;
  userId: string | null;
  partnerAgencyId: string | null;
  name: string;
  organisation: string;
  roles: string[];
  present: boolean | null;
}

const presence = (v: boolean | null) => (v === null ? 'unknown' : v ? 'present' : 'absent');

/** Who attended in which roles: the invited members first, others added on the day. */
export function AttendancePanel({ meeting }: { meeting: MeetingView }) {
  const { t, label } = useI18n();
  const a = t.meetings.attendance;
  const staff = useCaseStaff();
  const partners = usePartners();
  const { error, run } = useMeetingStep(meeting.id);
  const [saved, setSaved] = useState(false);
  // The version the rows were read at: a save over someone else's newer attendance is a 409.
  const [baseVersion, setBaseVersion] = useState(meeting.version);
  const [rows, setRows] = useState<Row[]>(() =>
    meeting.attendees.map((x) => ({
      key: x.id,
      userId: x.userId,
      partnerAgencyId: x.partnerAgencyId,
      name: x.name ?? '',
      organisation: x.organisation ?? '',
      roles: x.roles,
      present: x.present,
    })),
  );
  const [adding, setAdding] = useState({ userId: '', partnerAgencyId: '', name: '', org: '' });
  const update = (key: string, change: Partial<Row>) => {
    setSaved(false);
    setRows((all) => all.map((r) => (r.key === key ? { ...r, ...change } : r)));
  };
  const add = (row: Omit<Row, 'key' | 'roles' | 'present'>) =>
    setRows((all) => [...all, { ...row, key: crypto.randomUUID(), roles: [], present: true }]);
  const officerPresent = meeting.attendees.some((x) => x.municipal && x.present === true);
  const save = () =>
    run(async () => {
      const response = await api.meetings[':id'].attendance.$put({
        param: { id: meeting.id },
        json: {
          version: baseVersion,
          attendees: rows.map((r) => ({
            userId: r.userId,
            partnerAgencyId: r.partnerAgencyId,
            name: r.userId || r.partnerAgencyId ? null : r.name,
            organisation: r.organisation || null,
            // Codes from the checkbox list; the server validates them.
            roles: r.roles as (typeof attendanceRoles)[number][],
            present: r.present,
          })),
        },
      });
      setBaseVersion((await response.json()).version);
      setSaved(true);
    });
  return (
    <div data-testid="attendance">
      <p className="mb-4 max-w-3xl">{a.lead}</p>
      {meeting.series.municipalOfficerRequired && !officerPresent && (
        <Notice tone="warning">{a.officerMissing}</Notice>
      )}
      {error && <Notice tone="error" title={error.message} />}
      {saved && !error && <Notice tone="success">{a.saved}</Notice>}
      {rows.length === 0 && <p>{a.none}</p>}
      <ul className="grid gap-3">
        {rows.map((r, i) => (
          <li
            key={r.key}
            className="rounded-8 border border-solid-gray-300 p-3"
            data-testid="attendee"
          >
            <p className="text-std-17B-170">
              {r.name ||
                staff.find((s) => s.value === r.userId)?.label ||
                partners.name(r.partnerAgencyId)}
              {r.organisation && <span className="ml-2 font-normal">（{r.organisation}）</span>}
            </p>
            <RadioGroup
              id={`attendees.${i}.present`}
              label={`${a.present}：${r.name || staff.find((s) => s.value === r.userId)?.label || partners.name(r.partnerAgencyId)}`}
              options={[
                { value: 'present', label: a.present },
                { value: 'absent', label: a.absent },
                { value: 'unknown', label: a.unknown },
              ]}
              value={presence(r.present)}
              onChange={(v) => update(r.key, { present: v === 'unknown' ? null : v === 'present' })}
            />
            <CheckboxGroup
              id={`attendees.${i}.roles`}
              label={a.roles}
              options={optionsOf(attendanceRoles, attendanceRoleLabels, label)}
              value={r.roles}
              onChange={(roles) => update(r.key, { roles })}
              error={error?.fields[`attendees.${i}.roles`]}
            />
          </li>
        ))}
      </ul>
      <div className="mt-4 grid gap-x-4 sm:grid-cols-3">
        <div>
          <SelectField
            id="add-attendee-user"
            label={a.addUser}
            plain
            placeholder=""
            options={staff}
            value={adding.userId}
            onChange={(e) => setAdding({ ...adding, userId: e.target.value })}
          />
          <Button
            variant="secondary"
            disabled={!adding.userId}
            onClick={() => {
              add({ userId: adding.userId, partnerAgencyId: null, name: '', organisation: '' });
              setAdding({ ...adding, userId: '' });
            }}
          >
            {t.app.add}
          </Button>
        </div>
        <div>
          <SelectField
            id="add-attendee-partner"
            label={a.addPartner}
            plain
            placeholder=""
            options={partners.options}
            value={adding.partnerAgencyId}
            onChange={(e) => setAdding({ ...adding, partnerAgencyId: e.target.value })}
          />
          <Button
            variant="secondary"
            disabled={!adding.partnerAgencyId}
            onClick={() => {
              add({
                userId: null,
                partnerAgencyId: adding.partnerAgencyId,
                name: '',
                organisation: partners.name(adding.partnerAgencyId),
              });
              setAdding({ ...adding, partnerAgencyId: '' });
            }}
          >
            {t.app.add}
          </Button>
        </div>
        <div>
          <TextField
            id="add-attendee-name"
            label={a.addName}
            plain
            placeholder={a.name}
            value={adding.name}
            onChange={(e) => setAdding({ ...adding, name: e.target.value })}
          />
          <Button
            variant="secondary"
            disabled={!adding.name.trim()}
            onClick={() => {
              add({
                userId: null,
                partnerAgencyId: null,
                name: adding.name.trim(),
                organisation: '',
              });
              setAdding({ ...adding, name: '' });
            }}
          >
            {t.app.add}
          </Button>
        </div>
      </div>
      <Button className="mt-4" onClick={() => void save()}>
        {a.save}
      </Button>
    </div>
  );
}
