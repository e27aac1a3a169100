// The UI languages an agent can choose ('browser' follows the browser's), apart from the settings
// schema so the popup can check a stored language without loading the schema (storage/ui-language.ts).
export const UI_LANGUAGES = ['browser', 'uk', 'en'] as const;

export type UiLanguageSetting = (typeof UI_LANGUAGES)[number];

export const isUiLanguage = (value: unknown): value is UiLanguageSetting => (UI_LANGUAGES as readonly unknown[]).includes(value);
