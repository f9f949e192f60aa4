import '@/lib/model/zod-setup';
import { render } from 'preact';
import { uiLanguage } from '@/lib/i18n/browser';
import { Popup } from '@/components/Popup';

document.documentElement.lang = uiLanguage().startsWith('fr') ? 'fr' : 'en';
render(<Popup />, document.getElementById('app') as HTMLElement);
