/** Every view a user can reach, with the selector that says it has drawn; shared by the whole-app checks. */
export const EVERY_VIEW = [
  { name: 'national view', path: '', ready: 'section.view[data-ready="true"]' },
  {
    name: 'national view, filtered to a report, a recommendation, statuses and a region',
    path: '?insp=firearms-2023&rec=firearms-2023%3A3&status=in_progress%2Cno_update&region=Wales&pending=1',
    ready: 'section.view[data-ready="true"]',
  },
  { name: 'force view', path: '?view=force&force=cheshire', ready: 'section.force-view[data-ready="true"]' },
  { name: 'force view, two forces', path: '?view=force&force=cheshire&compare=west-midlands', ready: 'section.force-view[data-ready="true"]' },
  { name: 'inspection view', path: '?view=inspection&inspection=firearms-2023', ready: 'section.inspection-view[data-ready="true"]' },
  { name: 'notebooks', path: '?view=notebooks', ready: 'section.notebooks-view[data-ready="true"]' },
  { name: 'SQL console', path: '?view=sql', ready: 'section.sql-console[data-ready="true"]' },
  { name: 'data view', path: '?view=data', ready: 'section.data-view[data-ready="true"]' },
  { name: 'accessibility statement', path: '?view=accessibility', ready: 'article.statement' },
  { name: 'one chart embedded', path: '?embed=force-ranking', ready: 'main.embed[data-ready="true"]' },
] as const;
