// Which calls pop, what happens on answer, auto-opening the CRM card, and the CRM allow-list.
import type { NotificationPolicy } from '../settings/settings-schema';
import type { SectionProps } from './form-props';
import { FieldFrame, LockedNote } from './field-frame';

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
          <div class="check" key={key}>
            <input id={`pop-${key}`} type="checkbox" checked={policy[key] === true} disabled={isLocked(key)} onChange={(e) => set({ [key]: e.currentTarget.checked })} />
            <label for={`pop-${key}`}>{t(label)}</label>
            {isLocked(key) && <LockedNote t={t} />}
          </div>
        ))}
      </fieldset>
      <div class="check">
        <input id="ringSound" type="checkbox" checked={policy.ringSound} disabled={isLocked('ringSound')} onChange={(e) => set({ ringSound: e.currentTarget.checked })} />
        <label for="ringSound">{t('optionsRingSound')}</label>
        {isLocked('ringSound') && <LockedNote t={t} />}
      </div>
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
      <div class="check">
        <input
          id="autoOpenFocused"
          type="checkbox"
          checked={policy.autoOpenFocused}
          disabled={isLocked('autoOpenFocused') || policy.autoOpen === 'off'}
          onChange={(e) => set({ autoOpenFocused: e.currentTarget.checked })}
        />
        <label for="autoOpenFocused">{t('optionsAutoOpenFocused')}</label>
        {isLocked('autoOpenFocused') && <LockedNote t={t} />}
      </div>
      <FieldFrame id="crmAllowList" label={t('optionsAllowListLabel')} hint={t('optionsAllowListHint')} error={errors.crmAllowList} locked={locked.has('crmAllowList')} t={t}>
        {(describedBy, invalid) => (
          <textarea
            id="crmAllowList"
            rows={4}
            spellcheck={false}
            value={form.crmAllowList}
            disabled={locked.has('crmAllowList')}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            onInput={(e) => update({ crmAllowList: e.currentTarget.value })}
          />
        )}
      </FieldFrame>
    </section>
  );
}
