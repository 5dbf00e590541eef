import { QueryCoordinator } from './coordinator';

/** The page's one coordinator: every view's queries share its queue and its cache. */
export const coordinator = new QueryCoordinator();
