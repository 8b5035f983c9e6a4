import { render } from 'preact';
import { PopupApp } from '@/components/PopupApp';
import { browserPorts } from '@/lib/ui/browser-ports';
import '@/components/styles.css';

render(<PopupApp ports={browserPorts()} />, document.getElementById('app')!);
