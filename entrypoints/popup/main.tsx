import { render } from 'preact';
import { initLanguage } from '@/lib/i18n/browser';
import { Popup } from '@/components/popup/Popup';

void initLanguage().then(() => render(<Popup />, document.getElementById('app') as HTMLElement));
