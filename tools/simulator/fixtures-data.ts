// The cast of the generated call centre: Ukrainian clients, colleagues, groups, trunks, CRMs.
// Kept apart from the generator so the generator file holds only the timeline logic.

export const COLLEAGUES = [
  { id: 1002, ext: '102', name: 'Олена Коваленко' },
  { id: 1003, ext: '103', name: 'Тарас Шевчук' },
  { id: 1004, ext: '104', name: 'Ірина Мельник' },
  { id: 1005, ext: '105', name: 'Богдан Ткаченко' },
] as const;

export const GROUPS = [
  { id: 500, ext: '500', name: 'Відділ продажів' },
  { id: 501, ext: '501', name: 'Служба підтримки' },
] as const;

export const TRUNKS = [
  { num: '443334455', name: 'Київ, основний' },
  { num: '567850550', name: 'Дніпро' },
  { num: '800500100', name: 'Гаряча лінія 0 800' },
] as const;

export const CRM_BASES = [
  'https://crm.example.com',
  'https://helpdesk.example.net',
  'https://erp.example.org',
] as const;

export const FIRST_NAMES = [
  'Андрій', 'Оксана', 'Дмитро', 'Наталія', 'Сергій', 'Юлія', 'Олександр', 'Марія',
  'Василь', 'Катерина', 'Микола', 'Світлана', 'Ярослав', 'Галина', 'Остап', 'Соломія',
] as const;

export const LAST_NAMES = [
  'Бондаренко', 'Кравченко', 'Олійник', 'Шевченко', 'Коваль', 'Бойко', 'Лисенко', 'Марченко',
  'Руденко', 'Савченко', 'Гончаренко', 'Петрук', 'Яковенко', 'Зінченко', 'Литвиненко', 'Павленко',
] as const;

export const COMPANIES = [
  'ТОВ «Агроцентр»', 'ФОП Гнатюк', 'ПрАТ «Дніпроенерго»', 'Рекламна агенція «Вітер»',
  'ТОВ «Київбуд»', 'Кав’ярня «Львівська»', 'ТОВ «Смарт Логістик»', 'Аптека «Подорожник»',
] as const;

/** Ukrainian mobile operator codes, for plausible +380 numbers. */
export const MOBILE_CODES = ['50', '66', '67', '68', '73', '93', '95', '96', '97', '98', '99'] as const;
