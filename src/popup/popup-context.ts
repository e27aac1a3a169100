// Strings and actions every component needs, passed once instead of through every prop list.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Translate } from '../i18n/i18n-types';
import type { PopupActions } from './page-actions';

export interface PopupContextValue {
  t: Translate;
  actions: PopupActions;
}

export const PopupContext = createContext<PopupContextValue | null>(null);

export function usePopup(): PopupContextValue {
  const value = useContext(PopupContext);
  if (!value) throw new Error('Popup components must render inside <PopupContext.Provider>');
  return value;
}
