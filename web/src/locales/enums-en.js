// English labels of the server's vocabularies (GET /meta/enums gives the Chinese ones).
export default {
  stage: {
    conceived: 'Conceived', reserve: 'Reserve', preliminary: 'Pre-construction',
    construction: 'Under construction', completed: 'Completed', production: 'In production',
    suspended: 'Suspended', withdrawn: 'Withdrawn',
  },
  level: { provincial: 'Provincial key', city: 'City key', district: 'District key', none: 'Ordinary' },
  category: {
    industrial: 'Industrial', infrastructure: 'Infrastructure', social: 'Social', urban_renewal: 'Urban renewal',
    commercial: 'Commercial', ecological: 'Ecological', other: 'Other',
  },
  approval_regime: { approval: 'Approval', ratification: 'Ratification', filing: 'Filing' },
  nature: {
    new: 'New', expansion: 'Expansion', renovation: 'Renovation', relocation: 'Relocation',
    restoration: 'Restoration', living_facilities: 'Living facilities', purchase: 'Purchase',
  },
  stats_status: { not_applicable: 'Not applicable', pending: 'Pending', included: 'Included' },
  measurement_method: { progress: 'Physical progress', financial: 'Financial expenditure' },
  funding_source: {
    central_budget: 'Central budget', special_bond: 'Special bonds', ultra_long_bond: 'Ultra-long treasury bonds',
    policy_finance: 'Policy finance', provincial_city: 'Provincial / city funds', local_fiscal: 'Local fiscal',
    self_raised: 'Self-raised', bank_loan: 'Bank loans', other: 'Other',
  },
  assignment_role: {
    lead_leader: 'Leader in charge', responsible_unit: 'Responsible unit', lead_unit: 'Lead unit',
    chief_service_officer: 'Chief service officer', dispatch_leader: 'Dispatch leader', cooperating_unit: 'Cooperating unit',
  },
  unit_kind: { office: 'DRC office', department: 'Department', township: 'Sub-district', park: 'Park', company: 'Company', other: 'Other' },
  person_kind: { leader: 'Leader', cadre: 'Cadre', contact: 'Contact' },
  role: {
    admin: 'Administrator', supervisor: 'DRC supervisor', department: 'Department', reporter: 'Project company',
    leader: 'Leader', service_officer: 'Service officer',
  },
};
