import { render } from 'preact';
import { DashboardApp } from '@/components/DashboardApp';
import { browserPorts } from '@/lib/ui/browser-ports';
import '@/components/styles.css';

render(<DashboardApp ports={browserPorts()} />, document.getElementById('app')!);
