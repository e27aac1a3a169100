// @vitest-environment happy-dom
// The one field component every options section uses: its wiring is what each section relied
// on when it repeated the block (value, update, error read with the field, lock, input kind).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { TextField } from '../../../src/options/text-field';
import { CheckField } from '../../../src/options/check-field';
import { formFromSettings, type FormErrors } from '../../../src/settings/settings-input';
import { DEFAULT_SETTINGS } from '../../../src/settings/settings-schema';

const t = (key: string, args?: string[]) => (args?.length ? `${key}:${args.join(',')}` : key);
const form = { ...formFromSettings(DEFAULT_SETTINGS), domain: 'pbx.example', crmAllowList: 'https://crm.example' };

afterEach(() => cleanup());

function field(props: Partial<Parameters<typeof TextField>[0]> & { name: Parameters<typeof TextField>[0]['name'] }, errors: FormErrors = {}, locked: string[] = []) {
  const update = vi.fn();
  render(<TextField form={form} update={update} errors={errors} locked={new Set(locked)} t={t} label="Label" hint="Hint" {...props} />);
  return { update, control: screen.getByLabelText('Label') as HTMLInputElement | HTMLTextAreaElement };
}

describe('TextField', () => {
  it('shows the form value under the field name and reports typing as a patch of that field', () => {
    const { update, control } = field({ name: 'domain', inputMode: 'url' });
    expect(control.value).toBe('pbx.example');
    expect(control.getAttribute('inputmode')).toBe('url');
    fireEvent.input(control, { target: { value: 'other.example' } });
    expect(update).toHaveBeenCalledWith({ domain: 'other.example' });
  });

  it('reads its error with the field: aria-invalid, and the hint and error in aria-describedby', () => {
    const { control } = field({ name: 'subscriber' }, { subscriber: { key: 'settingsErrorSubscriber', args: [] } });
    expect(control.getAttribute('aria-invalid')).toBe('true');
    expect(control.getAttribute('aria-describedby')).toBe('subscriber-hint subscriber-error');
    expect(screen.getByRole('alert').textContent).toBe('settingsErrorSubscriber');
  });

  it('is disabled with the administrator note when a policy sets it', () => {
    const { control } = field({ name: 'domain' }, {}, ['domain']);
    expect(control.disabled).toBe(true);
    expect(control.getAttribute('aria-describedby')).toBe('domain-hint domain-locked');
    expect(screen.getByText('optionsLocked')).toBeTruthy();
  });

  it('is a textarea with rows, or a whole-number input with its bounds', () => {
    expect(field({ name: 'crmAllowList', rows: 4 }).control.tagName).toBe('TEXTAREA');
    cleanup();
    const { control } = field({ name: 'historyLimit', type: 'number', min: 10, max: 5000 });
    expect([control.getAttribute('type'), control.getAttribute('min'), control.getAttribute('max'), control.getAttribute('step')]).toEqual(['number', '10', '5000', '1']);
  });

  it('puts a control beside the input inside the wrapper it names', () => {
    field({ name: 'apiKey', type: 'password', wrapClass: 'secret', after: <button type="button">show</button> });
    expect(screen.getByLabelText('Label').parentElement?.className).toBe('secret');
    expect(screen.getByRole('button', { name: 'show' }).parentElement?.className).toBe('secret');
  });
});

describe('CheckField', () => {
  it('reports the new state, and shows the administrator note only when a policy locks it', () => {
    const onChange = vi.fn();
    render(<CheckField id="c" label="Ring" checked={false} locked={false} inactive onChange={onChange} t={t} />);
    const box = screen.getByLabelText('Ring') as HTMLInputElement;
    expect(box.disabled).toBe(true);
    expect(screen.queryByText('optionsLocked')).toBeNull();
    cleanup();
    render(<CheckField id="c" label="Ring" checked={false} locked={false} onChange={onChange} t={t} />);
    fireEvent.click(screen.getByLabelText('Ring'));
    expect(onChange).toHaveBeenCalledWith(true);
    cleanup();
    render(<CheckField id="c" label="Ring" checked locked onChange={onChange} t={t} />);
    expect((screen.getByLabelText('Ring') as HTMLInputElement).disabled).toBe(true);
    expect(screen.getByText('optionsLocked')).toBeTruthy();
  });
});
