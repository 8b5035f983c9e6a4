/**
 * Every unit test runs with every record stored (`useStorage`), as the scripts that run the steps
 * after a poll do; the worker's own, smaller set is tested where it is chosen (background tests).
 */
import { useStorage } from '../../lib/storage';
import { RECORDS } from '../../lib/records';

useStorage({ records: RECORDS });
