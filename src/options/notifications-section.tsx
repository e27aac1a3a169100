// Which calls pop, what happens on answer, auto-opening the CRM card, and the CRM allow-list.
import type { NotificationPolicy } from '../settings/settings-schema';
import type { SectionProps } from './form-props';
import { FieldFrame } from './field-frame';
import { CheckField } from './check-field';
import { TextField } from './text-field';

const POPS: Array<[keyof NotificationPolicy, string]> = [
  ['incoming', 'optionsPopIncoming'],
  ['internal', 'optionsPopInternal'],
  ['outgoing', 'optionsPopOutgoing'],
  ['missed', 'optionsPopMissed'],
];

export function NotificationsSection({ form, update, errors, locked, t }: SectionProps) {
  const policy = form.notifications;
  const set = (patch: Partial<NotificationPolicy>) => update({ notifications: { ...policy, ...patch } });
  const isLocked = (key: keyof NotificationPolicy) => locked.has(`notifications.${key}`);
  return (
    <section aria-labelledby="notifications-heading">
      <h2 id="notifications-heading">{t('optionsNotificationsHeading')}</h2>
      <fieldset>
        <legend>{t('optionsPopLegend')}</legend>
        {POPS.map(([key, label]) => (
          <CheckField key={key} id={`pop-${key}`} label={t(label)} checked={policy[key] === true} locked={isLocked(key)} onChange={(checked) => set({ [key]: checked })} t={t} />
        ))}
      </fieldset>
      <CheckField id="ringSound" label={t('optionsRingSound')} checked={policy.ringSound} locked={isLocked('ringSound')} onChange={(checked) => set({ ringSound: checked })} t={t} />
      <FieldFrame id="onAnswer" label={t('optionsOnAnswerLabel')} locked={isLocked('onAnswer')} t={t}>
        {() => (
          <select id="onAnswer" value={policy.onAnswer} disabled={isLocked('onAnswer')} onChange={(e) => set({ onAnswer: e.currentTarget.value === 'clear' ? 'clear' : 'update' })}>
            <option value="update">{t('optionsOnAnswerUpdate')}</option>
            <option value="clear">{t('optionsOnAnswerClear')}</option>
          </select>
        )}
      </FieldFrame>
      <FieldFrame id="autoOpen" label={t('optionsAutoOpenLabel')} locked={isLocked('autoOpen')} t={t}>
        {() => (
          <select
            id="autoOpen"
            value={policy.autoOpen}
            disabled={isLocked('autoOpen')}
            onChange={(e) => {
              const v = e.currentTarget.value;
              set({ autoOpen: v === 'ring' || v === 'answer' ? v : 'off' });
            }}
          >
            <option value="off">{t('optionsAutoOpenOff')}</option>
            <option value="ring">{t('optionsAutoOpenRing')}</option>
            <option value="answer">{t('optionsAutoOpenAnswer')}</option>
          </select>
        )}
      </FieldFrame>
      <CheckField
        id="autoOpenFocused"
        label={t('optionsAutoOpenFocused')}
        checked={policy.autoOpenFocused}
        locked={isLocked('autoOpenFocused')}
        inactive={policy.autoOpen === 'off'}
        onChange={(checked) => set({ autoOpenFocused: checked })}
        t={t}
      />
      <TextField form={form} update={update} errors={errors} locked={locked} t={t} name="crmAllowList" label={t('optionsAllowListLabel')} hint={t('optionsAllowListHint')} rows={4} />
    </section>
  );
}
