import type { Role } from './api.ts';

// All user-facing text lives here. Polish is the source language; every locale must provide
// every key (the Dictionary type makes a missing or misspelled key a compile error), and plural
// messages must provide every form their language's Intl.PluralRules can select.

export const locales = ['pl', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'pl';

// Polish needs one (1), few (2–4, 22–24…), many (0, 5–21…) and other (fractions).
export interface PolishPlural {
  one: string;
  few: string;
  many: string;
  other: string;
}

export interface EnglishPlural {
  one: string;
  other: string;
}

export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

interface Dictionary<P extends PluralForms> {
  'app.name': string;
  'app.tagline': string;
  'app.loading': string;
  'app.loadFailed': string;
  'app.retry': string;
  'app.networkError': string;
  'app.unexpectedError': string;
  'app.notFound.title': string;
  'app.notFound.body': string;
  'app.notFound.back': string;
  'app.skipToContent': string;
  'app.dismiss': string;
  'nav.label': string;
  'nav.users': string;
  'topbar.tenant': string;
  'topbar.switchTenant': string;
  'topbar.language': string;
  'topbar.logout': string;
  'topbar.loggingOut': string;
  'language.pl': string;
  'language.en': string;
  'login.title': string;
  'login.subtitle': string;
  'login.email': string;
  'login.password': string;
  'login.submit': string;
  'login.submitting': string;
  'login.failed': string;
  'users.title': string;
  'users.subtitle': string;
  'users.count': P;
  'users.empty': string;
  'users.col.name': string;
  'users.col.email': string;
  'users.col.role': string;
  'users.col.joined': string;
  'users.you': string;
  'invite.title': string;
  'invite.subtitle': string;
  'invite.email': string;
  'invite.role': string;
  'invite.submit': string;
  'invite.submitting': string;
  'invite.created': string;
  'invite.link': string;
  'invite.token': string;
  'invite.expires': string;
  'invite.onceWarning': string;
  'invite.copy': string;
  'invite.copied': string;
  'accept.title': string;
  'accept.subtitle': string;
  'accept.name': string;
  'accept.password': string;
  'accept.submit': string;
  'accept.submitting': string;
  'accept.passwordHint': string;
  'accept.missingToken': string;
  'accept.toLogin': string;
  'validation.required': string;
  'validation.email': string;
  'validation.format': string;
  'validation.tooShort': string;
  'validation.tooLong': string;
  'nav.customers': string;
  'nav.regions': string;
  'common.cancel': string;
  'common.saving': string;
  'common.remove': string;
  'common.optional': string;
  'common.loadMore': string;
  'common.loadingMore': string;
  'common.fixErrors': string;
  'common.yes': string;
  'common.no': string;
  'record.edit': string;
  'record.editNamed': string;
  'record.delete': string;
  'record.deleteNamed': string;
  'record.deleting': string;
  'record.saveChanges': string;
  'record.conflict': string;
  'record.conflictHint': string;
  'record.reload': string;
  'time.justNow': string;
  'search.label': string;
  'search.placeholder': string;
  'search.searching': string;
  'search.noResults': string;
  'search.group.customer': string;
  'search.group.contact': string;
  'search.group.site': string;
  'search.field.name': string;
  'search.field.nip': string;
  'search.field.regon': string;
  'search.field.krs': string;
  'search.field.pesel': string;
  'search.field.phone': string;
  'search.field.email': string;
  'search.field.address': string;
  'search.field.city': string;
  'search.field.postalCode': string;
  'search.field.tag': string;
  'search.field.contact': string;
  'search.field.role': string;
  'search.field.label': string;
  'kind.company': string;
  'kind.person': string;
  'status.lead': string;
  'status.active': string;
  'status.inactive': string;
  'customers.title': string;
  'customers.subtitle': string;
  'customers.count': P;
  'customers.new': string;
  'customers.searchLabel': string;
  'customers.searchPlaceholder': string;
  'customers.filter.status': string;
  'customers.filter.kind': string;
  'customers.filter.tag': string;
  'customers.filter.tagPlaceholder': string;
  'customers.filter.all': string;
  'customers.filter.allKinds': string;
  'customers.filter.clear': string;
  'customers.sort': string;
  'customers.sort.nameAsc': string;
  'customers.sort.nameDesc': string;
  'customers.sort.newest': string;
  'customers.sort.oldest': string;
  'customers.sort.updated': string;
  'customers.col.name': string;
  'customers.col.nip': string;
  'customers.col.contact': string;
  'customers.col.city': string;
  'customers.col.status': string;
  'customers.col.tags': string;
  'customers.empty': string;
  'customers.noMatches': string;
  'customers.shown': string;
  'customerForm.newTitle': string;
  'customerForm.editTitle': string;
  'customerForm.kind': string;
  'customerForm.companyName': string;
  'customerForm.nip': string;
  'customerForm.nipHint': string;
  'customerForm.regon': string;
  'customerForm.firstName': string;
  'customerForm.lastName': string;
  'customerForm.status': string;
  'customerForm.tags': string;
  'customerForm.tagsHint': string;
  'customerForm.customFields': string;
  'customFields.none': string;
  'customFields.numberHint': string;
  'customerForm.create': string;
  'customerForm.creating': string;
  'customerForm.save': string;
  'customer.back': string;
  'customer.nip': string;
  'customer.regon': string;
  'customer.since': string;
  'customer.saved': string;
  'customer.notFound': string;
  'customer.deleted': string;
  'customer.delete': string;
  'customer.deleteQuestion': string;
  'customer.restore': string;
  'customer.restoring': string;
  'customer.restored': string;
  'customer.tab.timeline': string;
  'customer.tab.contacts': string;
  'customer.tab.sites': string;
  'customer.sections': string;
  'contacts.title': string;
  'contacts.add': string;
  'contacts.empty': string;
  'contacts.primary': string;
  'contacts.firstName': string;
  'contacts.lastName': string;
  'contacts.role': string;
  'contacts.rolePlaceholder': string;
  'contacts.phone': string;
  'contacts.email': string;
  'contacts.entryLabel': string;
  'contacts.phoneLabelPlaceholder': string;
  'contacts.emailLabelPlaceholder': string;
  'contacts.addPhone': string;
  'contacts.addEmail': string;
  'contacts.consents': string;
  'contacts.consentEmail': string;
  'contacts.consentSms': string;
  'contacts.consentEmailShort': string;
  'contacts.consentSmsShort': string;
  'contacts.consentSince': string;
  'contacts.save': string;
  'contacts.added': string;
  'contacts.editTitle': string;
  'contacts.saved': string;
  'contacts.delete': string;
  'contacts.deleteQuestion': string;
  'contacts.deleted': string;
  'sites.title': string;
  'sites.add': string;
  'sites.empty': string;
  'sites.label': string;
  'sites.labelPlaceholder': string;
  'sites.street': string;
  'sites.building': string;
  'sites.flat': string;
  'sites.postalCode': string;
  'sites.city': string;
  'sites.accessNotes': string;
  'sites.accessNotesPlaceholder': string;
  'sites.coordinates': string;
  'sites.coordinatesHint': string;
  'sites.useMyLocation': string;
  'sites.locating': string;
  'sites.locationFailed': string;
  'sites.region': string;
  'sites.noRegion': string;
  'sites.navigate': string;
  'sites.save': string;
  'sites.added': string;
  'sites.editTitle': string;
  'sites.saved': string;
  'sites.inRegion': string;
  'sites.outsideRegions': string;
  'sites.delete': string;
  'sites.deleteQuestion': string;
  'sites.deleted': string;
  'sites.premises': string;
  'sites.premisesUnknown': string;
  'sites.premisesHint': string;
  'sites.area': string;
  'sites.areaHint': string;
  'sites.areaValue': string;
  'premises.house': string;
  'premises.flat': string;
  'premises.non_residential': string;
  'validation.area': string;
  'timeline.title': string;
  'timeline.filters': string;
  'timeline.filter.all': string;
  'timeline.filter.note': string;
  'timeline.filter.interaction': string;
  'timeline.filter.reminder': string;
  'timeline.filter.audit': string;
  'timeline.empty': string;
  'timeline.emptyFiltered': string;
  'timeline.loadMore': string;
  'timeline.system': string;
  'timeline.note.edit': string;
  'timeline.note.saved': string;
  'timeline.note.delete': string;
  'timeline.note.deleteQuestion': string;
  'timeline.note.deleted': string;
  'timeline.interaction.edit': string;
  'timeline.interaction.saved': string;
  'timeline.interaction.delete': string;
  'timeline.interaction.deleteQuestion': string;
  'timeline.interaction.deleted': string;
  'timeline.reminder.edit': string;
  'timeline.reminder.saved': string;
  'timeline.reminder.delete': string;
  'timeline.reminder.deleteQuestion': string;
  'timeline.reminder.deleted': string;
  'composer.label': string;
  'composer.note': string;
  'composer.interaction': string;
  'composer.reminder': string;
  'composer.noteBody': string;
  'composer.notePlaceholder': string;
  'composer.addNote': string;
  'composer.kind': string;
  'composer.direction': string;
  'composer.noDirection': string;
  'composer.contact': string;
  'composer.noContact': string;
  'composer.removedContact': string;
  'composer.noAssignee': string;
  'composer.subject': string;
  'composer.outcome': string;
  'composer.outcomePlaceholder': string;
  'composer.occurredAt': string;
  'composer.warsawTime': string;
  'composer.logInteraction': string;
  'composer.reminderTitle': string;
  'composer.reminderPlaceholder': string;
  'composer.dueAt': string;
  'composer.assignee': string;
  'composer.recurrence': string;
  'composer.recurrence.none': string;
  'composer.recurrence.weekly': string;
  'composer.recurrence.monthly': string;
  'composer.recurrence.yearly': string;
  'composer.recurrence.custom': string;
  'composer.addReminder': string;
  'interaction.call': string;
  'interaction.email': string;
  'interaction.sms': string;
  'interaction.visit': string;
  'interaction.meeting': string;
  'direction.inbound': string;
  'direction.outbound': string;
  'reminder.due': string;
  'reminder.for': string;
  'reminder.overdue': string;
  'reminder.done': string;
  'reminder.doneAt': string;
  'reminder.recurring': string;
  'reminder.markDone': string;
  'reminder.markUndone': string;
  'regions.title': string;
  'regions.subtitle': string;
  'regions.count': P;
  'regions.sites': P;
  'regions.map': string;
  'regions.list': string;
  'regions.empty': string;
  'regions.emptyAdmin': string;
  'regions.import.open': string;
  'regions.import.title': string;
  'regions.import.subtitle': string;
  'regions.import.file': string;
  'regions.import.features': P;
  'regions.import.nameProperty': string;
  'regions.import.submit': string;
  'regions.import.submitting': string;
  'regions.import.result': string;
  'regions.import.invalidJson': string;
  'regions.import.notCollection': string;
  'regions.import.rejected': string;
  'regions.import.sitesResolved': P;
  'validation.checksum': string;
  'validation.nipChecksum': string;
  'validation.regonChecksum': string;
  'validation.unique': string;
  'validation.postalCode': string;
  'validation.phone': string;
  'validation.coordinates': string;
  'validation.number': string;
  'validation.choice': string;
  'audit.customer.created': string;
  'audit.customer.updated': string;
  'audit.customer.deleted': string;
  'audit.customer.restored': string;
  'audit.contact.created': string;
  'audit.contact.updated': string;
  'audit.contact.deleted': string;
  'audit.site.created': string;
  'audit.site.updated': string;
  'audit.site.deleted': string;
  'audit.changedFields': string;
  'role.owner': string;
  'role.admin': string;
  'role.dispatcher': string;
  'role.technician': string;
  'role.viewer': string;
  'nav.jobs': string;
  'nav.maintenance': string;
  'nav.compliance': string;
  'customer.tab.equipment': string;
  'validation.afterStart': string;
  'validation.amount': string;
  'validation.kilograms': string;
  'jobStatus.new': string;
  'jobStatus.scheduled': string;
  'jobStatus.dispatched': string;
  'jobStatus.en_route': string;
  'jobStatus.in_progress': string;
  'jobStatus.on_hold': string;
  'jobStatus.completed': string;
  'jobStatus.invoiced': string;
  'jobStatus.closed': string;
  'jobStatus.cancelled': string;
  'priority.emergency': string;
  'priority.high': string;
  'priority.normal': string;
  'priority.low': string;
  'jobType.installation': string;
  'jobType.repair': string;
  'jobType.maintenance': string;
  'jobType.inspection': string;
  'jobType.fgas_leak_check': string;
  'jobType.emergency': string;
  'jobs.title': string;
  'jobs.subtitle': string;
  'jobs.new': string;
  'jobs.showFinished': string;
  'jobs.truncated': string;
  'jobs.noWindow': string;
  'jobs.windowFrom': string;
  'jobs.windowUntil': string;
  'board.empty': string;
  'board.move': string;
  'board.moveNamed': string;
  'board.moved': string;
  'board.refused': string;
  'jobMove.to': string;
  'jobMove.choose': string;
  'jobMove.needsReason': string;
  'jobMove.none': string;
  'jobMove.reason': string;
  'jobMove.reasonTitle': string;
  'jobMove.submit': string;
  'jobForm.title': string;
  'jobForm.type': string;
  'jobForm.priority': string;
  'jobForm.description': string;
  'jobForm.descriptionPlaceholder': string;
  'jobForm.windowStart': string;
  'jobForm.windowEnd': string;
  'jobForm.create': string;
  'picker.customer': string;
  'picker.hint': string;
  'picker.matches': string;
  'picker.change': string;
  'place.site': string;
  'place.chooseSite': string;
  'place.equipment': string;
  'place.anyEquipment': string;
  'place.noEquipment': string;
  'place.customerHasNoSites': string;
  'kpi.title': string;
  'kpi.heatingReadiness': string;
  'kpi.heatingReadinessDetail': string;
  'kpi.maintenanceCompletion': string;
  'kpi.maintenanceCompletionDetail': string;
  'kpi.emergencyResponse': string;
  'kpi.emergencyResponseDetail': string;
  'kpi.firstTimeFix': string;
  'kpi.firstTimeFixDetail': string;
  'kpi.fgasCompliance': string;
  'kpi.fgasComplianceDetail': string;
  'job.back': string;
  'job.notFound': string;
  'job.status': string;
  'job.window': string;
  'job.equipment': string;
  'job.created': string;
  'sla.response': string;
  'sla.resolution': string;
  'sla.state.running': string;
  'sla.state.paused': string;
  'sla.state.met': string;
  'sla.state.breached': string;
  'sla.state.cancelled': string;
  'sla.remaining': string;
  'sla.pausedSince': string;
  'sla.metAt': string;
  'sla.breachedAt': string;
  'sla.cancelledAt': string;
  'sla.deadline': string;
  'jobHistory.title': string;
  'jobHistory.empty': string;
  'jobHistory.to': string;
  'jobHistory.someone': string;
  'checklist.title': string;
  'checklist.progress': string;
  'checklist.empty': string;
  'checklist.doneBy': string;
  'checklist.newItem': string;
  'checklist.add': string;
  'jobNotes.title': string;
  'jobNotes.empty': string;
  'jobNotes.new': string;
  'jobNotes.placeholder': string;
  'jobNotes.add': string;
  'lines.title': string;
  'lines.empty': string;
  'lines.add': string;
  'lines.edit': string;
  'lines.hint': string;
  'lines.kind': string;
  'lines.description': string;
  'lines.quantity': string;
  'lines.unitPrice': string;
  'lines.unitPriceZl': string;
  'lines.vat': string;
  'lines.discount': string;
  'lines.net': string;
  'lines.addLine': string;
  'lines.removeNamed': string;
  'lines.save': string;
  'lines.rateLabel': string;
  'lines.rateNet': string;
  'lines.rateVat': string;
  'lines.rateGross': string;
  'lines.totalNet': string;
  'lines.totalVat': string;
  'lines.totalGross': string;
  'lineKind.part': string;
  'lineKind.labour': string;
  'lineKind.other': string;
  'signOff.title': string;
  'signOff.none': string;
  'signOff.notYet': string;
  'signOff.signerName': string;
  'signOff.signature': string;
  'signOff.hint': string;
  'signOff.clear': string;
  'signOff.signFirst': string;
  'signOff.submit': string;
  'signOff.conflict': string;
  'signOff.signedBy': string;
  'signOff.signatureOf': string;
  'attachments.jobTitle': string;
  'attachments.equipmentTitle': string;
  'attachments.empty': string;
  'attachments.takePhoto': string;
  'attachments.addFile': string;
  'attachments.uploading': string;
  'attachments.open': string;
  'attachments.tooLarge': string;
  'attachments.wrongType': string;
  'attachments.deleteQuestion': string;
  'equipment.title': string;
  'equipment.add': string;
  'equipment.empty': string;
  'equipment.emptyNoSites': string;
  'equipment.editTitle': string;
  'equipment.category': string;
  'equipment.brand': string;
  'equipment.model': string;
  'equipment.serialNumber': string;
  'equipment.site': string;
  'equipment.installedOn': string;
  'equipment.warrantyUntil': string;
  'equipment.status': string;
  'equipment.installer': string;
  'equipment.notes': string;
  'equipment.fgasData': string;
  'equipment.refrigerant': string;
  'equipment.chargeKg': string;
  'equipment.hermeticallySealed': string;
  'equipment.leakDetection': string;
  'equipment.chargeNeeded': string;
  'equipment.refrigerantNeeded': string;
  'equipment.save': string;
  'equipment.added': string;
  'equipment.saved': string;
  'equipment.deleteQuestion': string;
  'equipment.deleted': string;
  'equipment.co2e': string;
  'equipment.registerAndDocuments': string;
  'equipmentCategory.gas_boiler': string;
  'equipmentCategory.oil_boiler': string;
  'equipmentCategory.heat_pump_air_water': string;
  'equipmentCategory.heat_pump_ground': string;
  'equipmentCategory.split_ac': string;
  'equipmentCategory.multi_split': string;
  'equipmentCategory.vrf': string;
  'equipmentCategory.chiller': string;
  'equipmentCategory.ventilation_heat_recovery': string;
  'equipmentCategory.controller': string;
  'equipmentStatus.active': string;
  'equipmentStatus.faulty': string;
  'equipmentStatus.decommissioned': string;
  'fgasStatus.not_in_scope': string;
  'fgasStatus.ok': string;
  'fgasStatus.due_soon': string;
  'fgasStatus.overdue': string;
  'fgasStatus.non_compliant': string;
  'fgasReason.first_check': string;
  'fgasReason.periodic_check': string;
  'fgasReason.recheck_after_repair': string;
  'fgasReason.repair_found_leak': string;
  'fgasReason.no_record': string;
  'fgasReason.not_fluorinated_gas': string;
  'fgasReason.below_threshold': string;
  'fgasReason.hermetically_sealed': string;
  'fgasReason.leak_detection_missing': string;
  'fgasReason.no_refrigerant': string;
  'fgas.nextCheck': string;
  'register.title': string;
  'register.add': string;
  'register.empty': string;
  'register.performedOn': string;
  'register.kind': string;
  'register.result': string;
  'register.technician': string;
  'register.certificate': string;
  'register.certificateHint': string;
  'register.added': string;
  'register.recovered': string;
  'register.addedKg': string;
  'register.recoveredKg': string;
  'register.notes': string;
  'register.actions': string;
  'register.voided': string;
  'register.void': string;
  'register.voiding': string;
  'register.voidReason': string;
  'register.voidReasonNeeded': string;
  'register.voidSubmit': string;
  'register.submit': string;
  'registerKind.leak_check': string;
  'registerKind.service': string;
  'registerKind.leak_repair': string;
  'registerKind.refill': string;
  'registerKind.recovery': string;
  'registerKind.installation': string;
  'registerKind.decommissioning': string;
  'registerKind.void': string;
  'registerResult.no_leak': string;
  'registerResult.leak_found': string;
  'registerResult.leak_repaired': string;
  'compliance.title': string;
  'compliance.subtitle': string;
  'compliance.summary': string;
  'compliance.score': string;
  'compliance.asOf': string;
  'compliance.inScope': string;
  'compliance.attention': string;
  'compliance.allGood': string;
  'compliance.col.equipment': string;
  'compliance.col.customer': string;
  'compliance.col.refrigerant': string;
  'compliance.col.status': string;
  'compliance.col.due': string;
  'compliance.dueNow': string;
  'plans.title': string;
  'plans.subtitle': string;
  'plans.new': string;
  'plans.run': string;
  'plans.running': string;
  'plans.created': string;
  'plans.empty': string;
  'plans.planTitle': string;
  'plans.titlePlaceholder': string;
  'plans.schedule': string;
  'plans.mode.heating': string;
  'plans.mode.cooling': string;
  'plans.mode.rrule': string;
  'plans.modeHint.heating': string;
  'plans.modeHint.cooling': string;
  'plans.rrule': string;
  'plans.rruleHint': string;
  'plans.leadDays': string;
  'plans.leadDaysHint': string;
  'plans.leadDaysRange': string;
  'plans.leadDaysShort': string;
  'plans.price': string;
  'plans.priceLabel': string;
  'plans.startsOn': string;
  'plans.endsOn': string;
  'plans.autoRenew': string;
  'plans.create': string;
  'plans.period': string;
  'plans.openEnded': string;
  'plans.renews': string;
  'plans.jobs': string;
  'plans.noJobsYet': string;
  'plans.dueOn': string;
  'plans.customerLabel': string;
  'plans.address': string;
  'plans.searchLabel': string;
  'plans.searchPlaceholder': string;
  'plans.noMatches': string;
  'plans.shown': P;
  'plans.runResult': P;
  'planStatus.active': string;
  'planStatus.paused': string;
  'planStatus.ended': string;
  'settings.title': string;
  'settings.subtitle': string;
  'settings.open': string;
  'settings.sla': string;
  'settings.slaHint': string;
  'settings.responseHours': string;
  'settings.resolutionHours': string;
  'settings.hoursInvalid': string;
  'settings.pauseOnHold': string;
  'settings.vat': string;
  'settings.defaultVatRate': string;
  'settings.defaultVatRateHint': string;
  'settings.vatByLaw': string;
  'settings.checklists': string;
  'settings.checklistsHint': string;
  'settings.save': string;
  'settings.saved': string;
  'settings.readOnly': string;
  'nav.dispatch': string;
  'nav.technicians': string;
  'dispatch.title': string;
  'dispatch.subtitle': string;
  'dispatch.date': string;
  'dispatch.previousDay': string;
  'dispatch.nextDay': string;
  'dispatch.today': string;
  'dispatch.readOnly': string;
  'dispatch.optimise': string;
  'dispatch.optimising': string;
  'dispatch.optimisingHint': string;
  'dispatch.proposal.title': string;
  'dispatch.proposal.travel': string;
  'dispatch.proposal.visits': P;
  'dispatch.proposal.technicianLine': string;
  'dispatch.proposal.unassigned': string;
  'dispatch.proposal.allPlanned': string;
  'dispatch.proposal.straightLine': string;
  'dispatch.proposal.accept': string;
  'dispatch.proposal.accepting': string;
  'dispatch.proposal.discard': string;
  'dispatch.proposal.accepted': string;
  'dispatch.lanes': string;
  'dispatch.noTechnicians': string;
  'dispatch.shift': string;
  'dispatch.off.day_off': string;
  'dispatch.off.absent': string;
  'dispatch.absence.vacation': string;
  'dispatch.absence.sick': string;
  'dispatch.absence.training': string;
  'dispatch.absence.other': string;
  'dispatch.lane.empty': string;
  'dispatch.lane.emptyReadOnly': string;
  'dispatch.locked': string;
  'dispatch.remove': string;
  'dispatch.removeNamed': string;
  'dispatch.travel': string;
  'dispatch.visitTime': string;
  'dispatch.serviceMinutes': string;
  'dispatch.unassigned.title': string;
  'dispatch.unassigned.empty': string;
  'dispatch.unassigned.hint': string;
  'dispatch.noSkills': string;
  'dispatch.noLocation': string;
  'dispatch.emergency.insert': string;
  'dispatch.emergency.inserting': string;
  'dispatch.emergency.inserted': string;
  'dispatch.refused': string;
  'dispatch.moved': string;
  'dispatch.map': string;
  'dispatch.map.home': string;
  'dispatch.map.position': string;
  'dispatch.map.legend': string;
  'dispatch.reason.missing_skill': string;
  'dispatch.reason.late_at_visit': string;
  'dispatch.reason.late_back_at_end': string;
  'dispatch.reason.over_capacity': string;
  'dispatch.reason.locked_elsewhere': string;
  'dispatch.reason.locked_vehicle_cannot': string;
  'dispatch.reason.unreachable_in_shift': string;
  'dispatch.reason.no_room': string;
  'dispatch.reason.no_location': string;
  'dispatch.reason.no_technician': string;
  'dispatch.reason.not_working': string;
  'dispatch.reason.no_home_base': string;
  'dispatch.reason.range': string;
  'dispatch.reason.no_qualified_technician': string;
  'dispatch.reason.outside_window': string;
  'dispatch.reason.would_break_windows': string;
  'dispatch.reason.past_shift_end': string;
  'skill.gas': string;
  'skill.refrigeration': string;
  'skill.electrical': string;
  'skill.heat_pumps': string;
  'skill.ventilation': string;
  'technicians.title': string;
  'technicians.subtitle': string;
  'technicians.count': P;
  'technicians.empty': string;
  'technicians.skills': string;
  'technicians.certificates': string;
  'technicians.homeBase': string;
  'technicians.hours': string;
  'technicians.vehicle': string;
  'technicians.none': string;
  'technicians.fgas': string;
  'technicians.sep': string;
  'technicians.sepUntil': string;
  'technicians.expired': string;
  'technicians.expiresSoon': string;
  'technicians.dayOff': string;
  'technicians.inactive': string;
}

// Keys whose value is a plain string (usable with t) and keys holding plural forms (usable with plural).
export type MessageKey = {
  [K in keyof Dictionary<PluralForms>]: Dictionary<PluralForms>[K] extends string ? K : never;
}[keyof Dictionary<PluralForms>];
export type PluralKey = Exclude<keyof Dictionary<PluralForms>, MessageKey>;

const pl: Dictionary<PolishPlural> = {
  'app.name': 'Pasja',
  'app.tagline': 'CRM dla serwisu klimatyzacji i wentylacji',
  'app.loading': 'Ładowanie…',
  'app.loadFailed': 'Nie udało się wczytać danych.',
  'app.retry': 'Spróbuj ponownie',
  'app.networkError': 'Brak połączenia z serwerem. Sprawdź sieć i spróbuj ponownie.',
  'app.unexpectedError': 'Wystąpił nieoczekiwany błąd.',
  'app.notFound.title': 'Nie znaleziono strony',
  'app.notFound.body': 'Ta strona nie istnieje albo została przeniesiona.',
  'app.notFound.back': 'Przejdź do listy klientów',
  'app.skipToContent': 'Przejdź do treści',
  'app.dismiss': 'Zamknij',
  'nav.label': 'Nawigacja główna',
  'nav.users': 'Użytkownicy',
  'topbar.tenant': 'Firma',
  'topbar.switchTenant': 'Zmień firmę',
  'topbar.language': 'Język',
  'topbar.logout': 'Wyloguj',
  'topbar.loggingOut': 'Wylogowywanie…',
  'language.pl': 'Polski',
  'language.en': 'English',
  'login.title': 'Zaloguj się',
  'login.subtitle': 'Wpisz adres e-mail i hasło do swojego konta.',
  'login.email': 'Adres e-mail',
  'login.password': 'Hasło',
  'login.submit': 'Zaloguj się',
  'login.submitting': 'Logowanie…',
  'login.failed': 'Nie udało się zalogować.',
  'users.title': 'Użytkownicy',
  'users.subtitle': 'Osoby z dostępem do tej firmy i ich role.',
  'users.count': {
    one: '{count} użytkownik',
    few: '{count} użytkowników',
    many: '{count} użytkowników',
    other: '{count} użytkownika',
  },
  'users.empty': 'Ta firma nie ma jeszcze użytkowników.',
  'users.col.name': 'Imię i nazwisko',
  'users.col.email': 'E-mail',
  'users.col.role': 'Rola',
  'users.col.joined': 'Dołączył(a)',
  'users.you': 'Ty',
  'invite.title': 'Zaproś użytkownika',
  'invite.subtitle': 'Zaproszona osoba ustawi swoje imię i hasło przez link z zaproszenia.',
  'invite.email': 'Adres e-mail',
  'invite.role': 'Rola',
  'invite.submit': 'Wyślij zaproszenie',
  'invite.submitting': 'Tworzenie zaproszenia…',
  'invite.created': 'Zaproszenie dla {email} ({role}) zostało utworzone.',
  'invite.link': 'Link do zaproszenia',
  'invite.token': 'Token',
  'invite.expires': 'Ważne do {date}',
  'invite.onceWarning': 'Link jest pokazywany tylko raz — skopiuj go i przekaż zaproszonej osobie.',
  'invite.copy': 'Kopiuj link',
  'invite.copied': 'Skopiowano',
  'accept.title': 'Przyjmij zaproszenie',
  'accept.subtitle': 'Podaj swoje imię i nazwisko oraz ustaw hasło, aby dołączyć do firmy.',
  'accept.name': 'Imię i nazwisko',
  'accept.password': 'Hasło',
  'accept.submit': 'Dołącz',
  'accept.submitting': 'Dołączanie…',
  'accept.passwordHint': 'Co najmniej 10 znaków.',
  'accept.missingToken': 'Link z zaproszenia jest niekompletny — brakuje tokenu.',
  'accept.toLogin': 'Masz już konto? Zaloguj się',
  'validation.required': 'To pole jest wymagane.',
  'validation.email': 'Podaj poprawny adres e-mail.',
  'validation.format': 'Nieprawidłowy format.',
  'validation.tooShort': 'Za mało znaków.',
  'validation.tooLong': 'Za dużo znaków.',
  'nav.customers': 'Klienci',
  'nav.regions': 'Rejony',
  'common.cancel': 'Anuluj',
  'common.saving': 'Zapisywanie…',
  'common.remove': 'Usuń',
  'common.optional': 'opcjonalnie',
  'common.loadMore': 'Wczytaj więcej',
  'common.loadingMore': 'Wczytywanie…',
  'common.fixErrors': 'Popraw zaznaczone pola.',
  'common.yes': 'Tak',
  'common.no': 'Nie',
  'record.edit': 'Edytuj',
  'record.editNamed': 'Edytuj: {name}',
  'record.delete': 'Usuń',
  'record.deleteNamed': 'Usuń: {name}',
  'record.deleting': 'Usuwanie…',
  'record.saveChanges': 'Zapisz zmiany',
  'record.conflict': 'Ktoś zmienił ten rekord w międzyczasie.',
  'record.conflictHint': 'Wczytaj aktualne dane i spróbuj jeszcze raz.',
  'record.reload': 'Wczytaj ponownie',
  'time.justNow': 'przed chwilą',
  'search.label': 'Szukaj w CRM',
  'search.placeholder': 'Szukaj: nazwa, NIP, telefon…',
  'search.searching': 'Szukanie…',
  'search.noResults': 'Brak wyników dla „{q}”.',
  'search.group.customer': 'Klienci',
  'search.group.contact': 'Osoby kontaktowe',
  'search.group.site': 'Lokalizacje',
  'search.field.name': 'nazwa',
  'search.field.nip': 'NIP',
  'search.field.regon': 'REGON',
  'search.field.krs': 'KRS',
  'search.field.pesel': 'PESEL',
  'search.field.phone': 'telefon',
  'search.field.email': 'e-mail',
  'search.field.address': 'adres',
  'search.field.city': 'miasto',
  'search.field.postalCode': 'kod pocztowy',
  'search.field.tag': 'tag',
  'search.field.contact': 'osoba',
  'search.field.role': 'stanowisko',
  'search.field.label': 'nazwa lokalizacji',
  'kind.company': 'Firma',
  'kind.person': 'Osoba prywatna',
  'status.lead': 'Potencjalny',
  'status.active': 'Aktywny',
  'status.inactive': 'Nieaktywny',
  'customers.title': 'Klienci',
  'customers.subtitle': 'Firmy i osoby, dla których pracujecie.',
  'customers.count': {
    one: '{count} klient',
    few: '{count} klientów',
    many: '{count} klientów',
    other: '{count} klienta',
  },
  'customers.new': 'Nowy klient',
  'customers.searchLabel': 'Szukaj klientów',
  'customers.searchPlaceholder': 'Nazwa klienta…',
  'customers.filter.status': 'Status',
  'customers.filter.kind': 'Rodzaj',
  'customers.filter.tag': 'Tag',
  'customers.filter.tagPlaceholder': 'Dowolny',
  'customers.filter.all': 'Wszystkie',
  'customers.filter.allKinds': 'Firmy i osoby',
  'customers.filter.clear': 'Wyczyść filtry',
  'customers.sort': 'Sortowanie',
  'customers.sort.nameAsc': 'Nazwa A–Z',
  'customers.sort.nameDesc': 'Nazwa Z–A',
  'customers.sort.newest': 'Najnowsi',
  'customers.sort.oldest': 'Najstarsi',
  'customers.sort.updated': 'Ostatnio zmienieni',
  'customers.col.name': 'Klient',
  'customers.col.nip': 'NIP',
  'customers.col.contact': 'Kontakt',
  'customers.col.city': 'Miejscowość',
  'customers.col.status': 'Status',
  'customers.col.tags': 'Tagi',
  'customers.empty': 'Nie ma jeszcze klientów. Dodaj pierwszego przyciskiem „Nowy klient”.',
  'customers.noMatches': 'Żaden klient nie pasuje do wyszukiwania i filtrów.',
  'customers.shown': 'Pokazano {shown} z {total}',
  'customerForm.newTitle': 'Nowy klient',
  'customerForm.editTitle': 'Edycja danych klienta',
  'customerForm.kind': 'Rodzaj klienta',
  'customerForm.companyName': 'Nazwa firmy',
  'customerForm.nip': 'NIP',
  'customerForm.nipHint': '10 cyfr, np. 526-104-08-28',
  'customerForm.regon': 'REGON',
  'customerForm.firstName': 'Imię',
  'customerForm.lastName': 'Nazwisko',
  'customerForm.status': 'Status',
  'customerForm.tags': 'Tagi',
  'customerForm.tagsHint': 'Oddziel przecinkami, np. VIP, umowa serwisowa',
  'customerForm.customFields': 'Pola dodatkowe',
  'customFields.none': 'Nie wybrano',
  'customFields.numberHint': 'Liczba, np. 12 lub 12,5',
  'customerForm.create': 'Utwórz klienta',
  'customerForm.creating': 'Tworzenie…',
  'customerForm.save': 'Zapisz zmiany',
  'customer.back': 'Wszyscy klienci',
  'customer.nip': 'NIP',
  'customer.regon': 'REGON',
  'customer.since': 'Klient od {date}',
  'customer.saved': 'Zapisano zmiany.',
  'customer.notFound': 'Nie znaleziono klienta. Mógł zostać usunięty.',
  'customer.deleted': 'Ten klient został usunięty {date}.',
  'customer.delete': 'Usuń klienta',
  'customer.deleteQuestion': 'Usunąć klienta „{name}”? Zniknie z listy klientów, ale będzie można go przywrócić.',
  'customer.restore': 'Przywróć',
  'customer.restoring': 'Przywracanie…',
  'customer.restored': 'Przywrócono klienta.',
  'customer.tab.timeline': 'Oś czasu',
  'customer.tab.contacts': 'Kontakty',
  'customer.tab.sites': 'Lokalizacje',
  'customer.sections': 'Sekcje karty klienta',
  'contacts.title': 'Osoby kontaktowe',
  'contacts.add': 'Dodaj kontakt',
  'contacts.empty': 'Brak osób kontaktowych.',
  'contacts.primary': 'Główny kontakt',
  'contacts.firstName': 'Imię',
  'contacts.lastName': 'Nazwisko',
  'contacts.role': 'Stanowisko / rola',
  'contacts.rolePlaceholder': 'np. kierownik administracji',
  'contacts.phone': 'Telefon',
  'contacts.email': 'E-mail',
  'contacts.entryLabel': 'Opis',
  'contacts.phoneLabelPlaceholder': 'np. komórka',
  'contacts.emailLabelPlaceholder': 'np. służbowy',
  'contacts.addPhone': 'Kolejny telefon',
  'contacts.addEmail': 'Kolejny e-mail',
  'contacts.consents': 'Zgody marketingowe',
  'contacts.consentEmail': 'Zgoda na informacje marketingowe e-mailem',
  'contacts.consentSms': 'Zgoda na informacje marketingowe SMS-em',
  'contacts.consentEmailShort': 'Zgoda e-mail',
  'contacts.consentSmsShort': 'Zgoda SMS',
  'contacts.consentSince': 'Udzielona {date} ({source})',
  'contacts.save': 'Zapisz kontakt',
  'contacts.added': 'Dodano kontakt: {name}.',
  'contacts.editTitle': 'Edycja kontaktu: {name}',
  'contacts.saved': 'Zapisano kontakt: {name}.',
  'contacts.delete': 'Usuń kontakt',
  'contacts.deleteQuestion': 'Usunąć kontakt „{name}”?',
  'contacts.deleted': 'Usunięto kontakt: {name}.',
  'sites.title': 'Lokalizacje',
  'sites.add': 'Dodaj lokalizację',
  'sites.empty': 'Brak lokalizacji. Dodaj adres, pod którym serwisujecie urządzenia.',
  'sites.label': 'Nazwa',
  'sites.labelPlaceholder': 'np. Biuro, Magazyn',
  'sites.street': 'Ulica',
  'sites.building': 'Nr budynku',
  'sites.flat': 'Nr lokalu',
  'sites.postalCode': 'Kod pocztowy',
  'sites.city': 'Miejscowość',
  'sites.accessNotes': 'Dojazd i dostęp',
  'sites.accessNotesPlaceholder': 'np. kod do bramy 1234, klucz u ochrony',
  'sites.coordinates': 'Współrzędne',
  'sites.coordinatesHint': 'Szerokość, długość — np. 52.2297, 21.0122. Określają rejon.',
  'sites.useMyLocation': 'Moja lokalizacja',
  'sites.locating': 'Ustalanie…',
  'sites.locationFailed': 'Nie udało się ustalić lokalizacji.',
  'sites.region': 'Rejon',
  'sites.noRegion': 'Poza rejonami',
  'sites.navigate': 'Nawiguj',
  'sites.save': 'Zapisz lokalizację',
  'sites.added': 'Dodano lokalizację: {address}.',
  'sites.editTitle': 'Edycja lokalizacji: {address}',
  'sites.saved': 'Zapisano lokalizację: {address}.',
  'sites.inRegion': 'Rejon: {region}.',
  'sites.outsideRegions': 'Poza wszystkimi rejonami.',
  'sites.delete': 'Usuń lokalizację',
  'sites.deleteQuestion': 'Usunąć lokalizację „{address}”?',
  'sites.deleted': 'Usunięto lokalizację: {address}.',
  'sites.premises': 'Rodzaj lokalu',
  'sites.premisesUnknown': '—',
  'sites.premisesHint': 'Od niego zależy stawka VAT, z którą zaczynają się pozycje zlecenia.',
  'sites.area': 'Powierzchnia użytkowa (m²)',
  'sites.areaHint': 'Przegląd i konserwacja w domu lub mieszkaniu mają 8% VAT; montaż i naprawa — do 300 m² (dom) lub 150 m² (mieszkanie).',
  'sites.areaValue': '{area} m²',
  'premises.house': 'Dom jednorodzinny',
  'premises.flat': 'Mieszkanie',
  'premises.non_residential': 'Lokal niemieszkalny',
  'validation.area': 'Podaj powierzchnię w m², np. 62,5 (najwyżej 2 miejsca po przecinku).',
  'timeline.title': 'Oś czasu',
  'timeline.filters': 'Pokaż',
  'timeline.filter.all': 'Wszystko',
  'timeline.filter.note': 'Notatki',
  'timeline.filter.interaction': 'Interakcje',
  'timeline.filter.reminder': 'Przypomnienia',
  'timeline.filter.audit': 'Zmiany',
  'timeline.empty': 'Na osi czasu nic jeszcze nie ma.',
  'timeline.emptyFiltered': 'Brak wpisów wybranego rodzaju.',
  'timeline.loadMore': 'Wczytaj starsze',
  'timeline.system': 'System',
  'timeline.note.edit': 'Edycja notatki',
  'timeline.note.saved': 'Zapisano notatkę.',
  'timeline.note.delete': 'Usuń notatkę',
  'timeline.note.deleteQuestion': 'Usunąć tę notatkę?',
  'timeline.note.deleted': 'Usunięto notatkę.',
  'timeline.interaction.edit': 'Edycja interakcji',
  'timeline.interaction.saved': 'Zapisano interakcję.',
  'timeline.interaction.delete': 'Usuń interakcję',
  'timeline.interaction.deleteQuestion': 'Usunąć tę interakcję?',
  'timeline.interaction.deleted': 'Usunięto interakcję.',
  'timeline.reminder.edit': 'Edycja przypomnienia',
  'timeline.reminder.saved': 'Zapisano przypomnienie.',
  'timeline.reminder.delete': 'Usuń przypomnienie',
  'timeline.reminder.deleteQuestion': 'Usunąć to przypomnienie?',
  'timeline.reminder.deleted': 'Usunięto przypomnienie.',
  'composer.label': 'Nowy wpis',
  'composer.note': 'Notatka',
  'composer.interaction': 'Interakcja',
  'composer.reminder': 'Przypomnienie',
  'composer.noteBody': 'Treść notatki',
  'composer.notePlaceholder': 'Co warto zapamiętać o tym kliencie?',
  'composer.addNote': 'Dodaj notatkę',
  'composer.kind': 'Rodzaj',
  'composer.direction': 'Kierunek',
  'composer.noDirection': '—',
  'composer.contact': 'Osoba',
  'composer.noContact': 'Nie dotyczy',
  'composer.removedContact': 'Usunięty kontakt',
  'composer.noAssignee': 'Nieprzypisane',
  'composer.subject': 'Temat',
  'composer.outcome': 'Wynik',
  'composer.outcomePlaceholder': 'np. umówiono przegląd na piątek',
  'composer.occurredAt': 'Kiedy',
  'composer.warsawTime': 'Czas warszawski',
  'composer.logInteraction': 'Zapisz interakcję',
  'composer.reminderTitle': 'Przypomnij o',
  'composer.reminderPlaceholder': 'np. zadzwonić w sprawie przeglądu',
  'composer.dueAt': 'Termin',
  'composer.assignee': 'Dla kogo',
  'composer.recurrence': 'Powtarzanie',
  'composer.recurrence.none': 'Jednorazowo',
  'composer.recurrence.weekly': 'Co tydzień',
  'composer.recurrence.monthly': 'Co miesiąc',
  'composer.recurrence.yearly': 'Co rok',
  'composer.recurrence.custom': 'Własna reguła: {rule}',
  'composer.addReminder': 'Dodaj przypomnienie',
  'interaction.call': 'Telefon',
  'interaction.email': 'E-mail',
  'interaction.sms': 'SMS',
  'interaction.visit': 'Wizyta',
  'interaction.meeting': 'Spotkanie',
  'direction.inbound': 'od klienta',
  'direction.outbound': 'do klienta',
  'reminder.due': 'Termin {date}',
  'reminder.for': 'dla {name}',
  'reminder.overdue': 'Po terminie',
  'reminder.done': 'Wykonane',
  'reminder.doneAt': 'Wykonano {date}',
  'reminder.recurring': 'Cykliczne',
  'reminder.markDone': 'Oznacz jako wykonane',
  'reminder.markUndone': 'Cofnij wykonanie',
  'regions.title': 'Rejony',
  'regions.subtitle': 'Obszary obsługi i liczba lokalizacji klientów w każdym z nich.',
  'regions.count': {
    one: '{count} rejon',
    few: '{count} rejony',
    many: '{count} rejonów',
    other: '{count} rejonu',
  },
  'regions.sites': {
    one: '{count} lokalizacja',
    few: '{count} lokalizacje',
    many: '{count} lokalizacji',
    other: '{count} lokalizacji',
  },
  'regions.map': 'Mapa rejonów',
  'regions.list': 'Lista rejonów',
  'regions.empty': 'Nie ma jeszcze rejonów.',
  'regions.emptyAdmin': 'Nie ma jeszcze rejonów. Zaimportuj ich granice z pliku GeoJSON.',
  'regions.import.open': 'Import GeoJSON',
  'regions.import.title': 'Import granic rejonów',
  'regions.import.subtitle': 'Plik GeoJSON (FeatureCollection) z wielokątami. Rejony o tej samej nazwie zostaną zastąpione.',
  'regions.import.file': 'Plik GeoJSON',
  'regions.import.features': {
    one: '{count} obiekt w pliku',
    few: '{count} obiekty w pliku',
    many: '{count} obiektów w pliku',
    other: '{count} obiektu w pliku',
  },
  'regions.import.nameProperty': 'Właściwość z nazwą rejonu',
  'regions.import.submit': 'Importuj',
  'regions.import.submitting': 'Importowanie…',
  'regions.import.result': 'Zaimportowano rejony: {imported}, w tym zastąpiono: {replaced}.',
  'regions.import.invalidJson': 'Plik nie zawiera poprawnego JSON-a.',
  'regions.import.notCollection': 'Plik musi zawierać GeoJSON FeatureCollection.',
  'regions.import.rejected': 'Serwer odrzucił plik:',
  'regions.import.sitesResolved': {
    one: 'W rejonach leży {count} lokalizacja klientów.',
    few: 'W rejonach leżą {count} lokalizacje klientów.',
    many: 'W rejonach leży {count} lokalizacji klientów.',
    other: 'W rejonach leży {count} lokalizacji klientów.',
  },
  'validation.checksum': 'Nieprawidłowa suma kontrolna.',
  'validation.nipChecksum': 'Nieprawidłowy NIP — cyfra kontrolna się nie zgadza.',
  'validation.regonChecksum': 'Nieprawidłowy REGON — cyfra kontrolna się nie zgadza.',
  'validation.unique': 'Ta wartość jest już zapisana u innego klienta.',
  'validation.postalCode': 'Kod pocztowy w formacie NN-NNN, np. 00-950.',
  'validation.phone': 'Nieprawidłowy numer telefonu.',
  'validation.coordinates': 'Podaj współrzędne jako „52.2297, 21.0122”.',
  'validation.number': 'Podaj liczbę, np. 12 lub 12,5.',
  'validation.choice': 'Wybierz jedną z dostępnych opcji.',
  'audit.customer.created': 'Utworzono klienta',
  'audit.customer.updated': 'Zmieniono dane klienta',
  'audit.customer.deleted': 'Usunięto klienta',
  'audit.customer.restored': 'Przywrócono klienta',
  'audit.contact.created': 'Dodano kontakt',
  'audit.contact.updated': 'Zmieniono kontakt',
  'audit.contact.deleted': 'Usunięto kontakt',
  'audit.site.created': 'Dodano lokalizację',
  'audit.site.updated': 'Zmieniono lokalizację',
  'audit.site.deleted': 'Usunięto lokalizację',
  'audit.changedFields': 'Zmienione pola: {fields}',
  'role.owner': 'Właściciel',
  'role.admin': 'Administrator',
  'role.dispatcher': 'Dyspozytor',
  'role.technician': 'Technik',
  'role.viewer': 'Podgląd',
  'nav.jobs': 'Zlecenia',
  'nav.maintenance': 'Przeglądy',
  'nav.compliance': 'F-gaz',
  'customer.tab.equipment': 'Urządzenia',
  'validation.afterStart': 'Musi być po dacie początkowej.',
  'validation.amount': 'Podaj kwotę w złotych, np. 120 lub 120,50.',
  'validation.kilograms': 'Podaj masę w kg, np. 1,25 (najwyżej 3 miejsca po przecinku).',
  'jobStatus.new': 'Nowe',
  'jobStatus.scheduled': 'Zaplanowane',
  'jobStatus.dispatched': 'Przydzielone',
  'jobStatus.en_route': 'W drodze',
  'jobStatus.in_progress': 'W realizacji',
  'jobStatus.on_hold': 'Wstrzymane',
  'jobStatus.completed': 'Zakończone',
  'jobStatus.invoiced': 'Zafakturowane',
  'jobStatus.closed': 'Zamknięte',
  'jobStatus.cancelled': 'Anulowane',
  'priority.emergency': 'Awaryjny',
  'priority.high': 'Wysoki',
  'priority.normal': 'Normalny',
  'priority.low': 'Niski',
  'jobType.installation': 'Montaż',
  'jobType.repair': 'Naprawa',
  'jobType.maintenance': 'Przegląd',
  'jobType.inspection': 'Inspekcja',
  'jobType.fgas_leak_check': 'Kontrola szczelności',
  'jobType.emergency': 'Awaria',
  'jobs.title': 'Zlecenia',
  'jobs.subtitle': 'Tablica zleceń serwisowych według statusu. Przeciągnij kartę do innej kolumny albo użyj „Przenieś”.',
  'jobs.new': 'Nowe zlecenie',
  'jobs.showFinished': 'Pokaż zakończone',
  'jobs.truncated': 'Pokazano {count} najnowszych zleceń.',
  'jobs.noWindow': 'Termin do ustalenia',
  'jobs.windowFrom': 'od {date}',
  'jobs.windowUntil': 'do {date}',
  'board.empty': 'Brak zleceń',
  'board.move': 'Przenieś',
  'board.moveNamed': 'Przenieś zlecenie: {name}',
  'board.moved': 'Przeniesiono zlecenie do: {status}.',
  'board.refused': 'Nie można przenieść zlecenia ze statusu „{from}” do „{to}”.',
  'jobMove.to': 'Przenieś do',
  'jobMove.choose': 'Wybierz status…',
  'jobMove.needsReason': 'wymaga powodu',
  'jobMove.none': 'Z tego statusu nie możesz już przenieść zlecenia.',
  'jobMove.reason': 'Powód',
  'jobMove.reasonTitle': 'Dlaczego „{status}”?',
  'jobMove.submit': 'Przenieś',
  'jobForm.title': 'Nowe zlecenie',
  'jobForm.type': 'Rodzaj',
  'jobForm.priority': 'Priorytet',
  'jobForm.description': 'Opis',
  'jobForm.descriptionPlaceholder': 'Co się dzieje, co trzeba zrobić, o czym technik powinien wiedzieć',
  'jobForm.windowStart': 'Wizyta od',
  'jobForm.windowEnd': 'Wizyta do',
  'jobForm.create': 'Utwórz zlecenie',
  'picker.customer': 'Klient',
  'picker.hint': 'Wpisz co najmniej 2 znaki nazwy, NIP-u lub miasta.',
  'picker.matches': 'Pasujący klienci',
  'picker.change': 'Zmień',
  'place.site': 'Lokalizacja',
  'place.chooseSite': 'Wybierz lokalizację…',
  'place.equipment': 'Urządzenie',
  'place.anyEquipment': 'Bez wskazania urządzenia',
  'place.noEquipment': 'Brak urządzeń w tej lokalizacji',
  'place.customerHasNoSites': 'Ten klient nie ma jeszcze lokalizacji. Dodaj ją na karcie klienta.',
  'kpi.title': 'Wskaźniki',
  'kpi.heatingReadiness': 'Gotowość do sezonu grzewczego',
  'kpi.heatingReadinessDetail': 'Po przeglądzie: {serviced} / {total} · sezon od {date}',
  'kpi.maintenanceCompletion': 'Wykonane przeglądy',
  'kpi.maintenanceCompletionDetail': 'Wykonane: {completed} / {due} · w terminie: {onTime}',
  'kpi.emergencyResponse': 'Dojazd do awarii (mediana)',
  'kpi.emergencyResponseDetail': '90% w {p90} · awarie: {count}',
  'kpi.firstTimeFix': 'Naprawione za pierwszym razem',
  'kpi.firstTimeFixDetail': 'Naprawione: {fixed} / {total}',
  'kpi.fgasCompliance': 'Zgodność F-gaz',
  'kpi.fgasComplianceDetail': 'Zaległe: {overdue} · objęte kontrolą: {inScope}',
  'job.back': 'Wszystkie zlecenia',
  'job.notFound': 'Nie ma takiego zlecenia albo zostało usunięte.',
  'job.status': 'Status',
  'job.window': 'Wizyta',
  'job.equipment': 'Urządzenie',
  'job.created': 'Utworzono {date}',
  'sla.response': 'Czas reakcji (technik na miejscu)',
  'sla.resolution': 'Czas usunięcia usterki',
  'sla.state.running': 'W toku',
  'sla.state.paused': 'Wstrzymany',
  'sla.state.met': 'Dotrzymany',
  'sla.state.breached': 'Przekroczony',
  'sla.state.cancelled': 'Anulowany',
  'sla.remaining': 'Zostało {time}',
  'sla.pausedSince': 'Wstrzymany od {date}, zostało {time}',
  'sla.metAt': 'Zegar zatrzymany {date}',
  'sla.breachedAt': 'Termin minął {date}',
  'sla.cancelledAt': 'Zlecenie anulowane {date}',
  'sla.deadline': 'Termin: {date}',
  'jobHistory.title': 'Historia',
  'jobHistory.empty': 'Zlecenie nie zmieniało jeszcze statusu.',
  'jobHistory.to': 'do',
  'jobHistory.someone': 'Użytkownik',
  'checklist.title': 'Lista czynności',
  'checklist.progress': '{done} z {total}',
  'checklist.empty': 'Brak czynności na liście.',
  'checklist.doneBy': '{name}, {date}',
  'checklist.newItem': 'Nowa czynność',
  'checklist.add': 'Dodaj',
  'jobNotes.title': 'Notatki technika',
  'jobNotes.empty': 'Brak notatek.',
  'jobNotes.new': 'Nowa notatka',
  'jobNotes.placeholder': 'Co stwierdzono, co zrobiono, co zabrać następnym razem',
  'jobNotes.add': 'Dodaj notatkę',
  'lines.title': 'Pozycje i koszty',
  'lines.empty': 'Brak pozycji.',
  'lines.add': 'Dodaj pozycje',
  'lines.edit': 'Edytuj pozycje',
  'lines.hint': 'Ceny netto w złotych; VAT i sumy liczy serwer, tak jak na fakturze.',
  'lines.kind': 'Rodzaj',
  'lines.description': 'Opis',
  'lines.quantity': 'Ilość',
  'lines.unitPrice': 'Cena jedn. netto',
  'lines.unitPriceZl': 'Cena netto (zł)',
  'lines.vat': 'VAT',
  'lines.discount': 'Rabat %',
  'lines.net': 'Wartość netto',
  'lines.addLine': 'Dodaj pozycję',
  'lines.removeNamed': 'Usuń pozycję {number}',
  'lines.save': 'Zapisz pozycje',
  'lines.rateLabel': 'Stawka {rate}%',
  'lines.rateNet': 'netto {amount}',
  'lines.rateVat': 'VAT {amount}',
  'lines.rateGross': 'brutto {amount}',
  'lines.totalNet': 'Razem netto',
  'lines.totalVat': 'Razem VAT',
  'lines.totalGross': 'Do zapłaty brutto',
  'lineKind.part': 'Część',
  'lineKind.labour': 'Robocizna',
  'lineKind.other': 'Inne',
  'signOff.title': 'Odbiór przez klienta',
  'signOff.none': 'Klient jeszcze nie potwierdził wykonania.',
  'signOff.notYet': 'Podpis klienta można złożyć, gdy zlecenie jest w realizacji lub zakończone.',
  'signOff.signerName': 'Imię i nazwisko podpisującego',
  'signOff.signature': 'Podpis',
  'signOff.hint': 'Podpisz palcem lub rysikiem w polu powyżej.',
  'signOff.clear': 'Wyczyść',
  'signOff.signFirst': 'Złóż podpis w polu powyżej.',
  'signOff.submit': 'Potwierdź odbiór',
  'signOff.conflict': 'Zlecenie zmieniło się w międzyczasie; wczytano je ponownie.',
  'signOff.signedBy': 'Podpisał(a) {name}, {date}',
  'signOff.signatureOf': 'Podpis: {name}',
  'attachments.jobTitle': 'Zdjęcia i dokumenty',
  'attachments.equipmentTitle': 'Dokumenty urządzenia',
  'attachments.empty': 'Brak plików.',
  'attachments.takePhoto': 'Zrób zdjęcie',
  'attachments.addFile': 'Dodaj plik',
  'attachments.uploading': 'Wysyłanie…',
  'attachments.open': 'Otwórz {name}',
  'attachments.tooLarge': 'Plik {name} jest większy niż 10 MB.',
  'attachments.wrongType': 'Plik {name} nie jest zdjęciem (JPEG, PNG, WebP, HEIC) ani PDF-em.',
  'attachments.deleteQuestion': 'Usunąć plik {name}?',
  'equipment.title': 'Urządzenia',
  'equipment.add': 'Dodaj urządzenie',
  'equipment.empty': 'Klient nie ma jeszcze urządzeń.',
  'equipment.emptyNoSites': 'Urządzenia stoją w lokalizacjach: najpierw dodaj lokalizację klienta.',
  'equipment.editTitle': 'Edycja urządzenia: {name}',
  'equipment.category': 'Rodzaj',
  'equipment.brand': 'Producent',
  'equipment.model': 'Model',
  'equipment.serialNumber': 'Nr seryjny',
  'equipment.site': 'Lokalizacja',
  'equipment.installedOn': 'Data montażu',
  'equipment.warrantyUntil': 'Gwarancja do',
  'equipment.status': 'Stan',
  'equipment.installer': 'Instalator',
  'equipment.notes': 'Uwagi',
  'equipment.fgasData': 'Czynnik chłodniczy (F-gaz)',
  'equipment.refrigerant': 'Czynnik',
  'equipment.chargeKg': 'Ilość czynnika (kg)',
  'equipment.hermeticallySealed': 'Układ hermetycznie zamknięty',
  'equipment.leakDetection': 'System wykrywania wycieków',
  'equipment.chargeNeeded': 'Podaj ilość czynnika.',
  'equipment.refrigerantNeeded': 'Podaj rodzaj czynnika.',
  'equipment.save': 'Zapisz urządzenie',
  'equipment.added': 'Dodano urządzenie: {name}.',
  'equipment.saved': 'Zapisano urządzenie: {name}.',
  'equipment.deleteQuestion': 'Usunąć urządzenie {name}? Jego rejestr F-gaz zostanie zachowany.',
  'equipment.deleted': 'Usunięto urządzenie: {name}.',
  'equipment.co2e': '{tonnes} t CO₂e',
  'equipment.registerAndDocuments': 'Rejestr F-gaz i dokumenty',
  'equipmentCategory.gas_boiler': 'Kocioł gazowy',
  'equipmentCategory.oil_boiler': 'Kocioł olejowy',
  'equipmentCategory.heat_pump_air_water': 'Pompa ciepła powietrze–woda',
  'equipmentCategory.heat_pump_ground': 'Gruntowa pompa ciepła',
  'equipmentCategory.split_ac': 'Klimatyzator split',
  'equipmentCategory.multi_split': 'Klimatyzacja multi-split',
  'equipmentCategory.vrf': 'System VRF',
  'equipmentCategory.chiller': 'Agregat wody lodowej',
  'equipmentCategory.ventilation_heat_recovery': 'Rekuperator',
  'equipmentCategory.controller': 'Sterownik',
  'equipmentStatus.active': 'Sprawne',
  'equipmentStatus.faulty': 'Niesprawne',
  'equipmentStatus.decommissioned': 'Wycofane',
  'fgasStatus.not_in_scope': 'Bez obowiązku kontroli',
  'fgasStatus.ok': 'Zgodne',
  'fgasStatus.due_soon': 'Kontrola wkrótce',
  'fgasStatus.overdue': 'Kontrola zaległa',
  'fgasStatus.non_compliant': 'Niezgodne',
  'fgasReason.first_check': 'Pierwsza kontrola szczelności',
  'fgasReason.periodic_check': 'Okresowa kontrola szczelności',
  'fgasReason.recheck_after_repair': 'Kontrola po naprawie wycieku',
  'fgasReason.repair_found_leak': 'Naprawa wykrytego wycieku',
  'fgasReason.no_record': 'Brak wpisów w rejestrze',
  'fgasReason.not_fluorinated_gas': 'Czynnik nie jest fluorowanym gazem cieplarnianym',
  'fgasReason.below_threshold': 'Ilość czynnika poniżej progu kontroli',
  'fgasReason.hermetically_sealed': 'Układ hermetyczny poniżej progu',
  'fgasReason.leak_detection_missing': 'Brak wymaganego systemu wykrywania wycieków',
  'fgasReason.no_refrigerant': 'Nie podano czynnika chłodniczego',
  'fgas.nextCheck': 'Następna kontrola: {date}',
  'register.title': 'Rejestr F-gaz',
  'register.add': 'Nowy wpis',
  'register.empty': 'Rejestr jest pusty.',
  'register.performedOn': 'Data',
  'register.kind': 'Czynność',
  'register.result': 'Wynik',
  'register.technician': 'Technik',
  'register.certificate': 'Nr certyfikatu F-gaz',
  'register.certificateHint': 'Certyfikat osoby wykonującej czynność.',
  'register.added': 'Dodano',
  'register.recovered': 'Odzyskano',
  'register.addedKg': 'Dodano czynnika (kg)',
  'register.recoveredKg': 'Odzyskano czynnika (kg)',
  'register.notes': 'Uwagi',
  'register.actions': 'Działania',
  'register.voided': 'unieważniony',
  'register.void': 'Unieważnij',
  'register.voiding': 'Unieważniasz wpis: {kind} z {date}. Wpis zostaje w rejestrze, przekreślony.',
  'register.voidReason': 'Powód unieważnienia',
  'register.voidReasonNeeded': 'Podaj powód unieważnienia.',
  'register.voidSubmit': 'Unieważnij wpis',
  'register.submit': 'Zapisz wpis',
  'registerKind.leak_check': 'Kontrola szczelności',
  'registerKind.service': 'Serwis',
  'registerKind.leak_repair': 'Naprawa wycieku',
  'registerKind.refill': 'Uzupełnienie czynnika',
  'registerKind.recovery': 'Odzysk czynnika',
  'registerKind.installation': 'Instalacja',
  'registerKind.decommissioning': 'Likwidacja',
  'registerKind.void': 'Unieważnienie',
  'registerResult.no_leak': 'brak wycieku',
  'registerResult.leak_found': 'wykryto wyciek',
  'registerResult.leak_repaired': 'wyciek usunięty',
  'compliance.title': 'Zgodność F-gaz',
  'compliance.subtitle': 'Kontrole szczelności według rozporządzenia (UE) 2024/573.',
  'compliance.summary': 'Podsumowanie',
  'compliance.score': 'Wskaźnik zgodności',
  'compliance.asOf': 'Stan na {date}',
  'compliance.inScope': 'Objęte kontrolą',
  'compliance.attention': 'Wymagają uwagi',
  'compliance.allGood': 'Żadne urządzenie nie wymaga teraz kontroli.',
  'compliance.col.equipment': 'Urządzenie',
  'compliance.col.customer': 'Klient',
  'compliance.col.refrigerant': 'Czynnik',
  'compliance.col.status': 'Status',
  'compliance.col.due': 'Termin kontroli',
  'compliance.dueNow': 'Teraz',
  'plans.title': 'Przeglądy okresowe',
  'plans.subtitle': 'Umówione przeglądy: zlecenie powstaje samo, określoną liczbę dni przed terminem.',
  'plans.new': 'Nowy plan',
  'plans.run': 'Utwórz należne zlecenia teraz',
  'plans.running': 'Tworzenie…',
  'plans.created': 'Dodano plan: {title}.',
  'plans.empty': 'Brak planów przeglądów.',
  'plans.planTitle': 'Nazwa',
  'plans.titlePlaceholder': 'np. Przegląd pompy ciepła przed sezonem',
  'plans.schedule': 'Termin',
  'plans.mode.heating': 'Przed sezonem grzewczym',
  'plans.mode.cooling': 'Przed sezonem chłodniczym',
  'plans.mode.rrule': 'Własna reguła (RRULE)',
  'plans.modeHint.heating': 'Co roku do 30 września.',
  'plans.modeHint.cooling': 'Co roku do 30 kwietnia.',
  'plans.rrule': 'Reguła RRULE',
  'plans.rruleHint': 'Np. co pół roku: FREQ=MONTHLY;INTERVAL=6.',
  'plans.leadDays': 'Wyprzedzenie (dni)',
  'plans.leadDaysHint': 'Ile dni przed terminem utworzyć zlecenie.',
  'plans.leadDaysRange': 'Podaj liczbę dni od 0 do 365.',
  'plans.leadDaysShort': 'zlecenie {days} dni wcześniej',
  'plans.price': 'Cena netto (zł)',
  'plans.priceLabel': 'Cena netto',
  'plans.startsOn': 'Od',
  'plans.endsOn': 'Do',
  'plans.autoRenew': 'Odnawiaj automatycznie',
  'plans.create': 'Zapisz plan',
  'plans.period': 'Okres',
  'plans.openEnded': 'od {date}, bezterminowo',
  'plans.renews': 'odnawiany',
  'plans.jobs': 'Zlecenia',
  'plans.noJobsYet': 'Jeszcze nie utworzono zleceń.',
  'plans.dueOn': 'Termin {date}',
  'plans.customerLabel': 'Klient',
  'plans.address': 'Adres',
  'plans.searchLabel': 'Szukaj planów',
  'plans.searchPlaceholder': 'Nazwa, klient lub adres',
  'plans.noMatches': 'Żaden plan nie pasuje do „{q}”.',
  'plans.shown': { one: 'Pokazano 1 plan', few: 'Pokazano {count} plany', many: 'Pokazano {count} planów', other: 'Pokazano {count} planu' },
  'plans.runResult': { one: 'Utworzono 1 zlecenie (stan na {date}).', few: 'Utworzono {count} zlecenia (stan na {date}).', many: 'Utworzono {count} zleceń (stan na {date}).', other: 'Utworzono {count} zlecenia (stan na {date}).' },
  'planStatus.active': 'Aktywny',
  'planStatus.paused': 'Wstrzymany',
  'planStatus.ended': 'Zakończony',
  'settings.title': 'Ustawienia zleceń',
  'settings.subtitle': 'Czasy SLA, stawka VAT nowych pozycji i listy czynności dla każdego rodzaju zlecenia.',
  'settings.open': 'Ustawienia',
  'settings.sla': 'Czasy SLA',
  'settings.slaHint': 'W godzinach, liczone od przyjęcia zlecenia, całą dobę (np. 0,5 to 30 minut).',
  'settings.responseHours': 'Reakcja (h)',
  'settings.resolutionHours': 'Naprawa (h)',
  'settings.hoursInvalid': 'Podaj liczbę godzin większą od zera, np. 4 lub 0,5.',
  'settings.pauseOnHold': 'Wstrzymane zlecenie zatrzymuje zegary SLA',
  'settings.vat': 'VAT',
  'settings.defaultVatRate': 'Stawka VAT nowych pozycji',
  'settings.defaultVatRateHint': 'Według przepisów: 8% dla konserwacji budynków mieszkalnych i robót w budownictwie społecznym, 23% w pozostałych przypadkach.',
  'settings.vatByLaw': 'Według przepisów dla lokalizacji',
  'settings.checklists': 'Listy czynności',
  'settings.checklistsHint': 'Jedna czynność w wierszu; nowe zlecenie danego rodzaju dostaje tę listę.',
  'settings.save': 'Zapisz ustawienia',
  'settings.saved': 'Zapisano ustawienia zleceń.',
  'settings.readOnly': 'Ustawienia zmienia właściciel lub administrator.',
  'nav.dispatch': 'Dyspozycja',
  'nav.technicians': 'Technicy',
  'dispatch.title': 'Dyspozycja',
  'dispatch.subtitle': 'Plan dnia: trasy techników, zlecenia bez przydziału i optymalizacja.',
  'dispatch.date': 'Dzień',
  'dispatch.previousDay': 'Poprzedni dzień',
  'dispatch.nextDay': 'Następny dzień',
  'dispatch.today': 'Dziś',
  'dispatch.readOnly': 'Plan zmienia dyspozytor; tu możesz go tylko przeglądać.',
  'dispatch.optimise': 'Optymalizuj',
  'dispatch.optimising': 'Optymalizacja trasy…',
  'dispatch.optimisingHint': 'Szukanie najlepszego planu potrwa do {seconds} s.',
  'dispatch.proposal.title': 'Propozycja planu',
  'dispatch.proposal.travel': 'Łączny dojazd: {minutes} min',
  'dispatch.proposal.visits': { one: '{count} wizyta', few: '{count} wizyty', many: '{count} wizyt', other: '{count} wizyty' },
  'dispatch.proposal.technicianLine': '{name}: {visits}, dojazd {minutes} min',
  'dispatch.proposal.unassigned': 'Bez przydziału w tej propozycji',
  'dispatch.proposal.allPlanned': 'Wszystkie zlecenia dnia mają technika.',
  'dispatch.proposal.straightLine': 'Czasy dojazdu szacowane w linii prostej.',
  'dispatch.proposal.accept': 'Akceptuj',
  'dispatch.proposal.accepting': 'Akceptowanie…',
  'dispatch.proposal.discard': 'Odrzuć',
  'dispatch.proposal.accepted': 'Plan przyjęty.',
  'dispatch.lanes': 'Trasy techników',
  'dispatch.noTechnicians': 'Nie ma jeszcze techników. Nadaj profil technika członkowi firmy.',
  'dispatch.shift': 'Zmiana {start}–{end}',
  'dispatch.off.day_off': 'Dzień wolny',
  'dispatch.off.absent': 'Nieobecny',
  'dispatch.absence.vacation': 'urlop',
  'dispatch.absence.sick': 'zwolnienie lekarskie',
  'dispatch.absence.training': 'szkolenie',
  'dispatch.absence.other': 'inna nieobecność',
  'dispatch.lane.empty': 'Brak wizyt — przeciągnij tu zlecenie.',
  'dispatch.lane.emptyReadOnly': 'Brak wizyt.',
  'dispatch.locked': 'Zablokowana: optymalizacja jej nie przesunie',
  'dispatch.remove': 'Zdejmij z planu',
  'dispatch.removeNamed': 'Zdejmij z planu: {name}',
  'dispatch.travel': '{minutes} min dojazdu',
  'dispatch.visitTime': '{start}–{end}',
  'dispatch.serviceMinutes': '{minutes} min na miejscu',
  'dispatch.unassigned.title': 'Bez przydziału',
  'dispatch.unassigned.empty': 'Wszystkie zlecenia tego dnia mają technika.',
  'dispatch.unassigned.hint': 'Przeciągnij kartę na trasę technika, w miejsce na osi czasu.',
  'dispatch.noSkills': 'bez wymagań',
  'dispatch.noLocation': 'bez pozycji na mapie',
  'dispatch.emergency.insert': 'Wstaw awaryjnie',
  'dispatch.emergency.inserting': 'Wstawianie…',
  'dispatch.emergency.inserted': 'Awaria u {customer}: jedzie {name}, przyjazd ok. {eta} (dodatkowy dojazd {minutes} min).',
  'dispatch.refused': 'Ta zmiana łamie zasady planu i nie została zapisana:',
  'dispatch.moved': 'Plan zmieniony.',
  'dispatch.map': 'Mapa tras',
  'dispatch.map.home': 'Baza: {label}',
  'dispatch.map.position': '{name} — pozycja z {time}',
  'dispatch.map.legend': 'Legenda tras',
  'dispatch.reason.missing_skill': 'technik nie ma wymaganych umiejętności',
  'dispatch.reason.late_at_visit': 'wizyta zaczęłaby się po końcu okna wizyty',
  'dispatch.reason.late_back_at_end': 'technik wróciłby do bazy po końcu zmiany',
  'dispatch.reason.over_capacity': 'za dużo pracy na jedną zmianę',
  'dispatch.reason.locked_elsewhere': 'wizyta jest zablokowana u innego technika',
  'dispatch.reason.locked_vehicle_cannot': 'zablokowany technik nie może jej wykonać',
  'dispatch.reason.unreachable_in_shift': 'nie da się dojechać w godzinach zmiany',
  'dispatch.reason.no_room': 'brak miejsca w planie',
  'dispatch.reason.no_location': 'lokalizacja nie ma pozycji na mapie',
  'dispatch.reason.no_technician': 'nikt nie pracuje tego dnia',
  'dispatch.reason.not_working': 'technik nie pracuje tego dnia',
  'dispatch.reason.no_home_base': 'technik nie ma bazy, z której zaczyna i kończy dzień',
  'dispatch.reason.range': 'tego miejsca w trasie nie można wybrać',
  'dispatch.reason.no_qualified_technician': 'żaden technik nie ma wymaganych umiejętności',
  'dispatch.reason.outside_window': 'nikt nie zdąży w oknie wizyty',
  'dispatch.reason.would_break_windows': 'opóźniłoby to inne umówione wizyty',
  'dispatch.reason.past_shift_end': 'skończyłoby się po końcu zmiany',
  'skill.gas': 'gaz',
  'skill.refrigeration': 'chłodnictwo',
  'skill.electrical': 'elektryka',
  'skill.heat_pumps': 'pompy ciepła',
  'skill.ventilation': 'wentylacja',
  'technicians.title': 'Technicy',
  'technicians.subtitle': 'Umiejętności, uprawnienia, baza i godziny pracy.',
  'technicians.count': { one: '{count} technik', few: '{count} techników', many: '{count} techników', other: '{count} technika' },
  'technicians.empty': 'Nie ma jeszcze techników.',
  'technicians.skills': 'Umiejętności',
  'technicians.certificates': 'Uprawnienia',
  'technicians.homeBase': 'Baza',
  'technicians.hours': 'Godziny pracy',
  'technicians.vehicle': 'Pojazd',
  'technicians.none': 'brak',
  'technicians.fgas': 'F-gaz kat. {category}, nr {number}, do {date}',
  'technicians.sep': 'SEP nr {number}',
  'technicians.sepUntil': 'SEP nr {number}, do {date}',
  'technicians.expired': 'wygasło',
  'technicians.expiresSoon': 'wygasa wkrótce',
  'technicians.dayOff': 'wolne',
  'technicians.inactive': 'nieaktywny',
};

const en: Dictionary<EnglishPlural> = {
  'app.name': 'Pasja',
  'app.tagline': 'CRM for HVAC service companies',
  'app.loading': 'Loading…',
  'app.loadFailed': 'Could not load the data.',
  'app.retry': 'Try again',
  'app.networkError': 'Cannot reach the server. Check your connection and try again.',
  'app.unexpectedError': 'Something went wrong.',
  'app.notFound.title': 'Page not found',
  'app.notFound.body': 'This page does not exist or has moved.',
  'app.notFound.back': 'Go to customers',
  'app.skipToContent': 'Skip to content',
  'app.dismiss': 'Dismiss',
  'nav.label': 'Main navigation',
  'nav.users': 'Users',
  'topbar.tenant': 'Company',
  'topbar.switchTenant': 'Switch company',
  'topbar.language': 'Language',
  'topbar.logout': 'Log out',
  'topbar.loggingOut': 'Logging out…',
  'language.pl': 'Polski',
  'language.en': 'English',
  'login.title': 'Sign in',
  'login.subtitle': 'Enter the e-mail address and password of your account.',
  'login.email': 'E-mail address',
  'login.password': 'Password',
  'login.submit': 'Sign in',
  'login.submitting': 'Signing in…',
  'login.failed': 'Could not sign in.',
  'users.title': 'Users',
  'users.subtitle': 'People with access to this company and their roles.',
  'users.count': { one: '{count} user', other: '{count} users' },
  'users.empty': 'This company has no users yet.',
  'users.col.name': 'Name',
  'users.col.email': 'E-mail',
  'users.col.role': 'Role',
  'users.col.joined': 'Joined',
  'users.you': 'You',
  'invite.title': 'Invite a user',
  'invite.subtitle': 'The invited person sets their name and password through the invitation link.',
  'invite.email': 'E-mail address',
  'invite.role': 'Role',
  'invite.submit': 'Send invitation',
  'invite.submitting': 'Creating invitation…',
  'invite.created': 'Invitation for {email} ({role}) created.',
  'invite.link': 'Invitation link',
  'invite.token': 'Token',
  'invite.expires': 'Valid until {date}',
  'invite.onceWarning': 'This link is shown only once — copy it and pass it to the invited person.',
  'invite.copy': 'Copy link',
  'invite.copied': 'Copied',
  'accept.title': 'Accept invitation',
  'accept.subtitle': 'Enter your name and choose a password to join the company.',
  'accept.name': 'Full name',
  'accept.password': 'Password',
  'accept.submit': 'Join',
  'accept.submitting': 'Joining…',
  'accept.passwordHint': 'At least 10 characters.',
  'accept.missingToken': 'The invitation link is incomplete — the token is missing.',
  'accept.toLogin': 'Already have an account? Sign in',
  'validation.required': 'This field is required.',
  'validation.email': 'Enter a valid e-mail address.',
  'validation.format': 'The format is not valid.',
  'validation.tooShort': 'Too few characters.',
  'validation.tooLong': 'Too many characters.',
  'nav.customers': 'Customers',
  'nav.regions': 'Regions',
  'common.cancel': 'Cancel',
  'common.saving': 'Saving…',
  'common.remove': 'Remove',
  'common.optional': 'optional',
  'common.loadMore': 'Load more',
  'common.loadingMore': 'Loading…',
  'common.fixErrors': 'Correct the marked fields.',
  'common.yes': 'Yes',
  'common.no': 'No',
  'record.edit': 'Edit',
  'record.editNamed': 'Edit: {name}',
  'record.delete': 'Delete',
  'record.deleteNamed': 'Delete: {name}',
  'record.deleting': 'Deleting…',
  'record.saveChanges': 'Save changes',
  'record.conflict': 'Someone changed this record in the meantime.',
  'record.conflictHint': 'Reload the current data and try again.',
  'record.reload': 'Reload',
  'time.justNow': 'just now',
  'search.label': 'Search the CRM',
  'search.placeholder': 'Search: name, NIP, phone…',
  'search.searching': 'Searching…',
  'search.noResults': 'No results for “{q}”.',
  'search.group.customer': 'Customers',
  'search.group.contact': 'Contacts',
  'search.group.site': 'Sites',
  'search.field.name': 'name',
  'search.field.nip': 'NIP',
  'search.field.regon': 'REGON',
  'search.field.krs': 'KRS',
  'search.field.pesel': 'PESEL',
  'search.field.phone': 'phone',
  'search.field.email': 'e-mail',
  'search.field.address': 'address',
  'search.field.city': 'city',
  'search.field.postalCode': 'postal code',
  'search.field.tag': 'tag',
  'search.field.contact': 'contact',
  'search.field.role': 'role',
  'search.field.label': 'site name',
  'kind.company': 'Company',
  'kind.person': 'Private person',
  'status.lead': 'Lead',
  'status.active': 'Active',
  'status.inactive': 'Inactive',
  'customers.title': 'Customers',
  'customers.subtitle': 'Companies and people you work for.',
  'customers.count': {
    one: '{count} customer',
    other: '{count} customers',
  },
  'customers.new': 'New customer',
  'customers.searchLabel': 'Search customers',
  'customers.searchPlaceholder': 'Customer name…',
  'customers.filter.status': 'Status',
  'customers.filter.kind': 'Kind',
  'customers.filter.tag': 'Tag',
  'customers.filter.tagPlaceholder': 'Any',
  'customers.filter.all': 'All',
  'customers.filter.allKinds': 'Companies and people',
  'customers.filter.clear': 'Clear filters',
  'customers.sort': 'Sort',
  'customers.sort.nameAsc': 'Name A–Z',
  'customers.sort.nameDesc': 'Name Z–A',
  'customers.sort.newest': 'Newest',
  'customers.sort.oldest': 'Oldest',
  'customers.sort.updated': 'Recently changed',
  'customers.col.name': 'Customer',
  'customers.col.nip': 'NIP',
  'customers.col.contact': 'Contact',
  'customers.col.city': 'City',
  'customers.col.status': 'Status',
  'customers.col.tags': 'Tags',
  'customers.empty': 'No customers yet. Add the first one with “New customer”.',
  'customers.noMatches': 'No customer matches the search and filters.',
  'customers.shown': 'Showing {shown} of {total}',
  'customerForm.newTitle': 'New customer',
  'customerForm.editTitle': 'Edit customer',
  'customerForm.kind': 'Customer kind',
  'customerForm.companyName': 'Company name',
  'customerForm.nip': 'NIP (tax ID)',
  'customerForm.nipHint': '10 digits, e.g. 526-104-08-28',
  'customerForm.regon': 'REGON',
  'customerForm.firstName': 'First name',
  'customerForm.lastName': 'Last name',
  'customerForm.status': 'Status',
  'customerForm.tags': 'Tags',
  'customerForm.tagsHint': 'Separate with commas, e.g. VIP, service contract',
  'customerForm.customFields': 'Additional fields',
  'customFields.none': 'Not set',
  'customFields.numberHint': 'A number, e.g. 12 or 12.5',
  'customerForm.create': 'Create customer',
  'customerForm.creating': 'Creating…',
  'customerForm.save': 'Save changes',
  'customer.back': 'All customers',
  'customer.nip': 'NIP',
  'customer.regon': 'REGON',
  'customer.since': 'Customer since {date}',
  'customer.saved': 'Changes saved.',
  'customer.notFound': 'Customer not found. It may have been deleted.',
  'customer.deleted': 'This customer was deleted on {date}.',
  'customer.delete': 'Delete customer',
  'customer.deleteQuestion': 'Delete the customer “{name}”? It leaves the customer list but can be restored.',
  'customer.restore': 'Restore',
  'customer.restoring': 'Restoring…',
  'customer.restored': 'Customer restored.',
  'customer.tab.timeline': 'Timeline',
  'customer.tab.contacts': 'Contacts',
  'customer.tab.sites': 'Sites',
  'customer.sections': 'Customer sections',
  'contacts.title': 'Contacts',
  'contacts.add': 'Add contact',
  'contacts.empty': 'No contacts yet.',
  'contacts.primary': 'Primary contact',
  'contacts.firstName': 'First name',
  'contacts.lastName': 'Last name',
  'contacts.role': 'Role',
  'contacts.rolePlaceholder': 'e.g. facility manager',
  'contacts.phone': 'Phone',
  'contacts.email': 'E-mail',
  'contacts.entryLabel': 'Label',
  'contacts.phoneLabelPlaceholder': 'e.g. mobile',
  'contacts.emailLabelPlaceholder': 'e.g. work',
  'contacts.addPhone': 'Another phone',
  'contacts.addEmail': 'Another e-mail',
  'contacts.consents': 'Marketing consents',
  'contacts.consentEmail': 'Consents to marketing by e-mail',
  'contacts.consentSms': 'Consents to marketing by SMS',
  'contacts.consentEmailShort': 'E-mail consent',
  'contacts.consentSmsShort': 'SMS consent',
  'contacts.consentSince': 'Given {date} ({source})',
  'contacts.save': 'Save contact',
  'contacts.added': 'Contact added: {name}.',
  'contacts.editTitle': 'Edit contact: {name}',
  'contacts.saved': 'Contact saved: {name}.',
  'contacts.delete': 'Delete contact',
  'contacts.deleteQuestion': 'Delete the contact “{name}”?',
  'contacts.deleted': 'Contact deleted: {name}.',
  'sites.title': 'Sites',
  'sites.add': 'Add site',
  'sites.empty': 'No sites yet. Add the address where you service equipment.',
  'sites.label': 'Name',
  'sites.labelPlaceholder': 'e.g. Office, Warehouse',
  'sites.street': 'Street',
  'sites.building': 'Building no.',
  'sites.flat': 'Flat no.',
  'sites.postalCode': 'Postal code',
  'sites.city': 'City',
  'sites.accessNotes': 'Access notes',
  'sites.accessNotesPlaceholder': 'e.g. gate code 1234, key at security',
  'sites.coordinates': 'Coordinates',
  'sites.coordinatesHint': 'Latitude, longitude — e.g. 52.2297, 21.0122. They decide the region.',
  'sites.useMyLocation': 'My location',
  'sites.locating': 'Locating…',
  'sites.locationFailed': 'Could not determine the location.',
  'sites.region': 'Region',
  'sites.noRegion': 'Outside regions',
  'sites.navigate': 'Directions',
  'sites.save': 'Save site',
  'sites.added': 'Site added: {address}.',
  'sites.editTitle': 'Edit site: {address}',
  'sites.saved': 'Site saved: {address}.',
  'sites.inRegion': 'Region: {region}.',
  'sites.outsideRegions': 'Outside every region.',
  'sites.delete': 'Delete site',
  'sites.deleteQuestion': 'Delete the site “{address}”?',
  'sites.deleted': 'Site deleted: {address}.',
  'sites.premises': 'Premises',
  'sites.premisesUnknown': '—',
  'sites.premisesHint': 'It decides the VAT rate new job lines start with.',
  'sites.area': 'Usable area (m²)',
  'sites.areaHint': 'Servicing a home is at 8% VAT; installation and repair only up to 300 m² (house) or 150 m² (flat).',
  'sites.areaValue': '{area} m²',
  'premises.house': 'House',
  'premises.flat': 'Flat',
  'premises.non_residential': 'Non-residential',
  'validation.area': 'Enter the area in m², e.g. 62.5 (at most 2 decimals).',
  'timeline.title': 'Timeline',
  'timeline.filters': 'Show',
  'timeline.filter.all': 'Everything',
  'timeline.filter.note': 'Notes',
  'timeline.filter.interaction': 'Interactions',
  'timeline.filter.reminder': 'Reminders',
  'timeline.filter.audit': 'Changes',
  'timeline.empty': 'Nothing on the timeline yet.',
  'timeline.emptyFiltered': 'No entries of the chosen kind.',
  'timeline.loadMore': 'Load older',
  'timeline.system': 'System',
  'timeline.note.edit': 'Edit note',
  'timeline.note.saved': 'Note saved.',
  'timeline.note.delete': 'Delete note',
  'timeline.note.deleteQuestion': 'Delete this note?',
  'timeline.note.deleted': 'Note deleted.',
  'timeline.interaction.edit': 'Edit interaction',
  'timeline.interaction.saved': 'Interaction saved.',
  'timeline.interaction.delete': 'Delete interaction',
  'timeline.interaction.deleteQuestion': 'Delete this interaction?',
  'timeline.interaction.deleted': 'Interaction deleted.',
  'timeline.reminder.edit': 'Edit reminder',
  'timeline.reminder.saved': 'Reminder saved.',
  'timeline.reminder.delete': 'Delete reminder',
  'timeline.reminder.deleteQuestion': 'Delete this reminder?',
  'timeline.reminder.deleted': 'Reminder deleted.',
  'composer.label': 'New entry',
  'composer.note': 'Note',
  'composer.interaction': 'Interaction',
  'composer.reminder': 'Reminder',
  'composer.noteBody': 'Note',
  'composer.notePlaceholder': 'What is worth remembering about this customer?',
  'composer.addNote': 'Add note',
  'composer.kind': 'Kind',
  'composer.direction': 'Direction',
  'composer.noDirection': '—',
  'composer.contact': 'Contact person',
  'composer.noContact': 'None',
  'composer.removedContact': 'Removed contact',
  'composer.noAssignee': 'Unassigned',
  'composer.subject': 'Subject',
  'composer.outcome': 'Outcome',
  'composer.outcomePlaceholder': 'e.g. maintenance booked for Friday',
  'composer.occurredAt': 'When',
  'composer.warsawTime': 'Warsaw time',
  'composer.logInteraction': 'Log interaction',
  'composer.reminderTitle': 'Remind about',
  'composer.reminderPlaceholder': 'e.g. call about the maintenance',
  'composer.dueAt': 'Due',
  'composer.assignee': 'Assignee',
  'composer.recurrence': 'Repeat',
  'composer.recurrence.none': 'Once',
  'composer.recurrence.weekly': 'Weekly',
  'composer.recurrence.monthly': 'Monthly',
  'composer.recurrence.yearly': 'Yearly',
  'composer.recurrence.custom': 'Custom rule: {rule}',
  'composer.addReminder': 'Add reminder',
  'interaction.call': 'Call',
  'interaction.email': 'E-mail',
  'interaction.sms': 'SMS',
  'interaction.visit': 'Visit',
  'interaction.meeting': 'Meeting',
  'direction.inbound': 'from customer',
  'direction.outbound': 'to customer',
  'reminder.due': 'Due {date}',
  'reminder.for': 'for {name}',
  'reminder.overdue': 'Overdue',
  'reminder.done': 'Done',
  'reminder.doneAt': 'Done {date}',
  'reminder.recurring': 'Recurring',
  'reminder.markDone': 'Mark as done',
  'reminder.markUndone': 'Mark as not done',
  'regions.title': 'Regions',
  'regions.subtitle': 'Service areas and how many customer sites each holds.',
  'regions.count': {
    one: '{count} region',
    other: '{count} regions',
  },
  'regions.sites': {
    one: '{count} site',
    other: '{count} sites',
  },
  'regions.map': 'Map of regions',
  'regions.list': 'List of regions',
  'regions.empty': 'No regions yet.',
  'regions.emptyAdmin': 'No regions yet. Import their boundaries from a GeoJSON file.',
  'regions.import.open': 'Import GeoJSON',
  'regions.import.title': 'Import region boundaries',
  'regions.import.subtitle': 'A GeoJSON file (FeatureCollection) of polygons. Regions with the same name are replaced.',
  'regions.import.file': 'GeoJSON file',
  'regions.import.features': {
    one: '{count} feature in the file',
    other: '{count} features in the file',
  },
  'regions.import.nameProperty': 'Property holding the region name',
  'regions.import.submit': 'Import',
  'regions.import.submitting': 'Importing…',
  'regions.import.result': 'Regions imported: {imported}, of which replaced: {replaced}.',
  'regions.import.invalidJson': 'The file does not contain valid JSON.',
  'regions.import.notCollection': 'The file must contain a GeoJSON FeatureCollection.',
  'regions.import.rejected': 'The server rejected the file:',
  'regions.import.sitesResolved': { one: '{count} customer site lies in these regions.', other: '{count} customer sites lie in these regions.' },
  'validation.checksum': 'The checksum is not valid.',
  'validation.nipChecksum': 'Invalid NIP — the check digit does not match.',
  'validation.regonChecksum': 'Invalid REGON — the check digit does not match.',
  'validation.unique': 'Another record already has this value.',
  'validation.postalCode': 'Postal code as NN-NNN, e.g. 00-950.',
  'validation.phone': 'Invalid phone number.',
  'validation.coordinates': 'Enter coordinates as “52.2297, 21.0122”.',
  'validation.number': 'Enter a number, e.g. 12 or 12.5.',
  'validation.choice': 'Choose one of the options.',
  'audit.customer.created': 'Customer created',
  'audit.customer.updated': 'Customer details changed',
  'audit.customer.deleted': 'Customer deleted',
  'audit.customer.restored': 'Customer restored',
  'audit.contact.created': 'Contact added',
  'audit.contact.updated': 'Contact changed',
  'audit.contact.deleted': 'Contact removed',
  'audit.site.created': 'Site added',
  'audit.site.updated': 'Site changed',
  'audit.site.deleted': 'Site removed',
  'audit.changedFields': 'Changed: {fields}',
  'role.owner': 'Owner',
  'role.admin': 'Administrator',
  'role.dispatcher': 'Dispatcher',
  'role.technician': 'Technician',
  'role.viewer': 'Viewer',
  'nav.jobs': 'Jobs',
  'nav.maintenance': 'Maintenance',
  'nav.compliance': 'F-gas',
  'customer.tab.equipment': 'Equipment',
  'validation.afterStart': 'Must be after the start.',
  'validation.amount': 'Enter an amount in złoty, e.g. 120 or 120.50.',
  'validation.kilograms': 'Enter a mass in kg, e.g. 1.25 (at most 3 decimals).',
  'jobStatus.new': 'New',
  'jobStatus.scheduled': 'Scheduled',
  'jobStatus.dispatched': 'Dispatched',
  'jobStatus.en_route': 'En route',
  'jobStatus.in_progress': 'In progress',
  'jobStatus.on_hold': 'On hold',
  'jobStatus.completed': 'Completed',
  'jobStatus.invoiced': 'Invoiced',
  'jobStatus.closed': 'Closed',
  'jobStatus.cancelled': 'Cancelled',
  'priority.emergency': 'Emergency',
  'priority.high': 'High',
  'priority.normal': 'Normal',
  'priority.low': 'Low',
  'jobType.installation': 'Installation',
  'jobType.repair': 'Repair',
  'jobType.maintenance': 'Maintenance',
  'jobType.inspection': 'Inspection',
  'jobType.fgas_leak_check': 'Leak check',
  'jobType.emergency': 'Emergency',
  'jobs.title': 'Jobs',
  'jobs.subtitle': 'Service jobs by status. Drag a card to another column, or use “Move”.',
  'jobs.new': 'New job',
  'jobs.showFinished': 'Show finished',
  'jobs.truncated': 'Showing the {count} newest jobs.',
  'jobs.noWindow': 'No visit window yet',
  'jobs.windowFrom': 'from {date}',
  'jobs.windowUntil': 'by {date}',
  'board.empty': 'No jobs',
  'board.move': 'Move',
  'board.moveNamed': 'Move job: {name}',
  'board.moved': 'Job moved to: {status}.',
  'board.refused': 'A job cannot go from “{from}” to “{to}”.',
  'jobMove.to': 'Move to',
  'jobMove.choose': 'Choose a status…',
  'jobMove.needsReason': 'needs a reason',
  'jobMove.none': 'You cannot move this job from its status.',
  'jobMove.reason': 'Reason',
  'jobMove.reasonTitle': 'Why “{status}”?',
  'jobMove.submit': 'Move',
  'jobForm.title': 'New job',
  'jobForm.type': 'Type',
  'jobForm.priority': 'Priority',
  'jobForm.description': 'Description',
  'jobForm.descriptionPlaceholder': 'What is wrong, what to do, what the technician should know',
  'jobForm.windowStart': 'Visit from',
  'jobForm.windowEnd': 'Visit until',
  'jobForm.create': 'Create job',
  'picker.customer': 'Customer',
  'picker.hint': 'Type at least 2 characters of a name, NIP or city.',
  'picker.matches': 'Matching customers',
  'picker.change': 'Change',
  'place.site': 'Site',
  'place.chooseSite': 'Choose a site…',
  'place.equipment': 'Unit',
  'place.anyEquipment': 'No particular unit',
  'place.noEquipment': 'No units at this site',
  'place.customerHasNoSites': 'This customer has no sites yet. Add one on the customer page.',
  'kpi.title': 'Key figures',
  'kpi.heatingReadiness': 'Heating season readiness',
  'kpi.heatingReadinessDetail': 'Serviced: {serviced} / {total} · season from {date}',
  'kpi.maintenanceCompletion': 'Maintenance done',
  'kpi.maintenanceCompletionDetail': 'Done: {completed} / {due} · on time: {onTime}',
  'kpi.emergencyResponse': 'Emergency response (median)',
  'kpi.emergencyResponseDetail': '90% within {p90} · emergencies: {count}',
  'kpi.firstTimeFix': 'First-time fix',
  'kpi.firstTimeFixDetail': 'Fixed: {fixed} / {total}',
  'kpi.fgasCompliance': 'F-gas compliance',
  'kpi.fgasComplianceDetail': 'Overdue: {overdue} · in scope: {inScope}',
  'job.back': 'All jobs',
  'job.notFound': 'This job does not exist or was removed.',
  'job.status': 'Status',
  'job.window': 'Visit',
  'job.equipment': 'Unit',
  'job.created': 'Created {date}',
  'sla.response': 'Response (technician on site)',
  'sla.resolution': 'Resolution',
  'sla.state.running': 'Running',
  'sla.state.paused': 'Paused',
  'sla.state.met': 'Met',
  'sla.state.breached': 'Breached',
  'sla.state.cancelled': 'Cancelled',
  'sla.remaining': '{time} left',
  'sla.pausedSince': 'Paused since {date}, {time} left',
  'sla.metAt': 'Stopped {date}',
  'sla.breachedAt': 'Deadline passed {date}',
  'sla.cancelledAt': 'Job cancelled {date}',
  'sla.deadline': 'Deadline: {date}',
  'jobHistory.title': 'History',
  'jobHistory.empty': 'The job has not changed status yet.',
  'jobHistory.to': 'to',
  'jobHistory.someone': 'A user',
  'checklist.title': 'Checklist',
  'checklist.progress': '{done} of {total}',
  'checklist.empty': 'The checklist is empty.',
  'checklist.doneBy': '{name}, {date}',
  'checklist.newItem': 'New item',
  'checklist.add': 'Add',
  'jobNotes.title': 'Technician notes',
  'jobNotes.empty': 'No notes yet.',
  'jobNotes.new': 'New note',
  'jobNotes.placeholder': 'What was found, what was done, what to bring next time',
  'jobNotes.add': 'Add note',
  'lines.title': 'Lines and costs',
  'lines.empty': 'No lines yet.',
  'lines.add': 'Add lines',
  'lines.edit': 'Edit lines',
  'lines.hint': 'Net prices in złoty; VAT and totals are computed by the server, as on an invoice.',
  'lines.kind': 'Kind',
  'lines.description': 'Description',
  'lines.quantity': 'Quantity',
  'lines.unitPrice': 'Net unit price',
  'lines.unitPriceZl': 'Net price (zł)',
  'lines.vat': 'VAT',
  'lines.discount': 'Discount %',
  'lines.net': 'Net value',
  'lines.addLine': 'Add line',
  'lines.removeNamed': 'Remove line {number}',
  'lines.save': 'Save lines',
  'lines.rateLabel': 'Rate {rate}%',
  'lines.rateNet': 'net {amount}',
  'lines.rateVat': 'VAT {amount}',
  'lines.rateGross': 'gross {amount}',
  'lines.totalNet': 'Total net',
  'lines.totalVat': 'Total VAT',
  'lines.totalGross': 'Total gross',
  'lineKind.part': 'Part',
  'lineKind.labour': 'Labour',
  'lineKind.other': 'Other',
  'signOff.title': 'Customer sign-off',
  'signOff.none': 'The customer has not signed yet.',
  'signOff.notYet': 'The customer can sign once the job is in progress or completed.',
  'signOff.signerName': 'Name of the person signing',
  'signOff.signature': 'Signature',
  'signOff.hint': 'Sign with a finger or stylus in the box above.',
  'signOff.clear': 'Clear',
  'signOff.signFirst': 'Sign in the box above first.',
  'signOff.submit': 'Confirm sign-off',
  'signOff.conflict': 'The job changed meanwhile; it was loaded again.',
  'signOff.signedBy': 'Signed by {name}, {date}',
  'signOff.signatureOf': 'Signature of {name}',
  'attachments.jobTitle': 'Photos and documents',
  'attachments.equipmentTitle': 'Unit documents',
  'attachments.empty': 'No files yet.',
  'attachments.takePhoto': 'Take photo',
  'attachments.addFile': 'Add file',
  'attachments.uploading': 'Uploading…',
  'attachments.open': 'Open {name}',
  'attachments.tooLarge': 'The file {name} is larger than 10 MB.',
  'attachments.wrongType': 'The file {name} is not a photo (JPEG, PNG, WebP, HEIC) or a PDF.',
  'attachments.deleteQuestion': 'Delete the file {name}?',
  'equipment.title': 'Equipment',
  'equipment.add': 'Add unit',
  'equipment.empty': 'This customer has no equipment yet.',
  'equipment.emptyNoSites': 'Units stand at sites: add a site for this customer first.',
  'equipment.editTitle': 'Edit unit: {name}',
  'equipment.category': 'Category',
  'equipment.brand': 'Brand',
  'equipment.model': 'Model',
  'equipment.serialNumber': 'Serial number',
  'equipment.site': 'Site',
  'equipment.installedOn': 'Installed on',
  'equipment.warrantyUntil': 'Warranty until',
  'equipment.status': 'Status',
  'equipment.installer': 'Installer',
  'equipment.notes': 'Notes',
  'equipment.fgasData': 'Refrigerant (F-gas)',
  'equipment.refrigerant': 'Refrigerant',
  'equipment.chargeKg': 'Charge (kg)',
  'equipment.hermeticallySealed': 'Hermetically sealed',
  'equipment.leakDetection': 'Leak detection system',
  'equipment.chargeNeeded': 'Enter the charge.',
  'equipment.refrigerantNeeded': 'Enter the refrigerant.',
  'equipment.save': 'Save unit',
  'equipment.added': 'Unit added: {name}.',
  'equipment.saved': 'Unit saved: {name}.',
  'equipment.deleteQuestion': 'Delete the unit {name}? Its F-gas register is kept.',
  'equipment.deleted': 'Unit deleted: {name}.',
  'equipment.co2e': '{tonnes} t CO₂e',
  'equipment.registerAndDocuments': 'F-gas register and documents',
  'equipmentCategory.gas_boiler': 'Gas boiler',
  'equipmentCategory.oil_boiler': 'Oil boiler',
  'equipmentCategory.heat_pump_air_water': 'Air-to-water heat pump',
  'equipmentCategory.heat_pump_ground': 'Ground-source heat pump',
  'equipmentCategory.split_ac': 'Split air conditioner',
  'equipmentCategory.multi_split': 'Multi-split system',
  'equipmentCategory.vrf': 'VRF system',
  'equipmentCategory.chiller': 'Chiller',
  'equipmentCategory.ventilation_heat_recovery': 'Heat-recovery ventilation',
  'equipmentCategory.controller': 'Controller',
  'equipmentStatus.active': 'Active',
  'equipmentStatus.faulty': 'Faulty',
  'equipmentStatus.decommissioned': 'Decommissioned',
  'fgasStatus.not_in_scope': 'Not in scope',
  'fgasStatus.ok': 'Compliant',
  'fgasStatus.due_soon': 'Check due soon',
  'fgasStatus.overdue': 'Check overdue',
  'fgasStatus.non_compliant': 'Non-compliant',
  'fgasReason.first_check': 'First leak check',
  'fgasReason.periodic_check': 'Periodic leak check',
  'fgasReason.recheck_after_repair': 'Re-check after a leak repair',
  'fgasReason.repair_found_leak': 'Repair of a leak found',
  'fgasReason.no_record': 'Nothing in the register',
  'fgasReason.not_fluorinated_gas': 'Not a fluorinated greenhouse gas',
  'fgasReason.below_threshold': 'Charge below the leak-check threshold',
  'fgasReason.hermetically_sealed': 'Hermetically sealed, below the threshold',
  'fgasReason.leak_detection_missing': 'Required leak detection is missing',
  'fgasReason.no_refrigerant': 'No refrigerant recorded',
  'fgas.nextCheck': 'Next check: {date}',
  'register.title': 'F-gas register',
  'register.add': 'New entry',
  'register.empty': 'The register is empty.',
  'register.performedOn': 'Date',
  'register.kind': 'Activity',
  'register.result': 'Result',
  'register.technician': 'Technician',
  'register.certificate': 'F-gas certificate no.',
  'register.certificateHint': 'The certificate of the person doing the work.',
  'register.added': 'Added',
  'register.recovered': 'Recovered',
  'register.addedKg': 'Refrigerant added (kg)',
  'register.recoveredKg': 'Refrigerant recovered (kg)',
  'register.notes': 'Notes',
  'register.actions': 'Actions',
  'register.voided': 'voided',
  'register.void': 'Void',
  'register.voiding': 'You are voiding the entry: {kind} of {date}. It stays in the register, crossed out.',
  'register.voidReason': 'Why it is void',
  'register.voidReasonNeeded': 'Say why the entry is void.',
  'register.voidSubmit': 'Void entry',
  'register.submit': 'Save entry',
  'registerKind.leak_check': 'Leak check',
  'registerKind.service': 'Service',
  'registerKind.leak_repair': 'Leak repair',
  'registerKind.refill': 'Refill',
  'registerKind.recovery': 'Recovery',
  'registerKind.installation': 'Installation',
  'registerKind.decommissioning': 'Decommissioning',
  'registerKind.void': 'Void',
  'registerResult.no_leak': 'no leak',
  'registerResult.leak_found': 'leak found',
  'registerResult.leak_repaired': 'leak repaired',
  'compliance.title': 'F-gas compliance',
  'compliance.subtitle': 'Leak checks under Regulation (EU) 2024/573.',
  'compliance.summary': 'Summary',
  'compliance.score': 'Compliance score',
  'compliance.asOf': 'As of {date}',
  'compliance.inScope': 'In scope',
  'compliance.attention': 'Need attention',
  'compliance.allGood': 'No unit needs a check now.',
  'compliance.col.equipment': 'Unit',
  'compliance.col.customer': 'Customer',
  'compliance.col.refrigerant': 'Refrigerant',
  'compliance.col.status': 'Status',
  'compliance.col.due': 'Check due',
  'compliance.dueNow': 'Now',
  'plans.title': 'Maintenance plans',
  'plans.subtitle': 'Agreed services: each job is created by itself a set number of days before it is due.',
  'plans.new': 'New plan',
  'plans.run': 'Create due jobs now',
  'plans.running': 'Creating…',
  'plans.created': 'Plan added: {title}.',
  'plans.empty': 'No maintenance plans yet.',
  'plans.planTitle': 'Title',
  'plans.titlePlaceholder': 'e.g. Heat pump service before the season',
  'plans.schedule': 'When due',
  'plans.mode.heating': 'Before the heating season',
  'plans.mode.cooling': 'Before the cooling season',
  'plans.mode.rrule': 'Own rule (RRULE)',
  'plans.modeHint.heating': 'Every year by 30 September.',
  'plans.modeHint.cooling': 'Every year by 30 April.',
  'plans.rrule': 'RRULE',
  'plans.rruleHint': 'E.g. every six months: FREQ=MONTHLY;INTERVAL=6.',
  'plans.leadDays': 'Lead time (days)',
  'plans.leadDaysHint': 'How many days before the due date the job is created.',
  'plans.leadDaysRange': 'Enter 0 to 365 days.',
  'plans.leadDaysShort': 'job {days} days ahead',
  'plans.price': 'Net price (zł)',
  'plans.priceLabel': 'Net price',
  'plans.startsOn': 'Starts on',
  'plans.endsOn': 'Ends on',
  'plans.autoRenew': 'Renew automatically',
  'plans.create': 'Save plan',
  'plans.period': 'Period',
  'plans.openEnded': 'from {date}, open-ended',
  'plans.renews': 'renews',
  'plans.jobs': 'Jobs',
  'plans.noJobsYet': 'No jobs created yet.',
  'plans.dueOn': 'Due {date}',
  'plans.customerLabel': 'Customer',
  'plans.address': 'Address',
  'plans.searchLabel': 'Search plans',
  'plans.searchPlaceholder': 'Title, customer or address',
  'plans.noMatches': 'No plan matches “{q}”.',
  'plans.shown': { one: 'Showing 1 plan', other: 'Showing {count} plans' },
  'plans.runResult': { one: 'Created 1 job (as of {date}).', other: 'Created {count} jobs (as of {date}).' },
  'planStatus.active': 'Active',
  'planStatus.paused': 'Paused',
  'planStatus.ended': 'Ended',
  'settings.title': 'Job settings',
  'settings.subtitle': 'SLA targets, the VAT rate of new lines and the checklist of each job type.',
  'settings.open': 'Settings',
  'settings.sla': 'SLA targets',
  'settings.slaHint': 'In hours from when the job is opened, round the clock (0.5 is 30 minutes).',
  'settings.responseHours': 'Response (h)',
  'settings.resolutionHours': 'Resolution (h)',
  'settings.hoursInvalid': 'Enter a number of hours above zero, e.g. 4 or 0.5.',
  'settings.pauseOnHold': 'A job on hold stops the SLA clocks',
  'settings.vat': 'VAT',
  'settings.defaultVatRate': 'VAT rate of new lines',
  'settings.defaultVatRateHint': 'By law: 8% for maintenance of housing and works within social housing, 23% otherwise.',
  'settings.vatByLaw': 'By law, per site',
  'settings.checklists': 'Checklists',
  'settings.checklistsHint': 'One item per line; each new job of the type gets this list.',
  'settings.save': 'Save settings',
  'settings.saved': 'Job settings saved.',
  'settings.readOnly': 'An owner or admin changes the settings.',
  'nav.dispatch': 'Dispatch',
  'nav.technicians': 'Technicians',
  'dispatch.title': 'Dispatch',
  'dispatch.subtitle': 'The day\'s plan: technicians\' routes, unassigned jobs and optimisation.',
  'dispatch.date': 'Day',
  'dispatch.previousDay': 'Previous day',
  'dispatch.nextDay': 'Next day',
  'dispatch.today': 'Today',
  'dispatch.readOnly': 'A dispatcher changes the plan; here you can only view it.',
  'dispatch.optimise': 'Optimise',
  'dispatch.optimising': 'Optimising routes…',
  'dispatch.optimisingHint': 'Looking for the best plan takes up to {seconds} s.',
  'dispatch.proposal.title': 'Proposed plan',
  'dispatch.proposal.travel': 'Total driving: {minutes} min',
  'dispatch.proposal.visits': { one: '{count} visit', other: '{count} visits' },
  'dispatch.proposal.technicianLine': '{name}: {visits}, driving {minutes} min',
  'dispatch.proposal.unassigned': 'Left out of this proposal',
  'dispatch.proposal.allPlanned': 'Every job of the day has a technician.',
  'dispatch.proposal.straightLine': 'Driving times estimated in a straight line.',
  'dispatch.proposal.accept': 'Accept',
  'dispatch.proposal.accepting': 'Accepting…',
  'dispatch.proposal.discard': 'Discard',
  'dispatch.proposal.accepted': 'Plan accepted.',
  'dispatch.lanes': 'Technicians\' routes',
  'dispatch.noTechnicians': 'No technicians yet. Give a member of the company a technician profile.',
  'dispatch.shift': 'Shift {start}–{end}',
  'dispatch.off.day_off': 'Day off',
  'dispatch.off.absent': 'Absent',
  'dispatch.absence.vacation': 'vacation',
  'dispatch.absence.sick': 'sick leave',
  'dispatch.absence.training': 'training',
  'dispatch.absence.other': 'other absence',
  'dispatch.lane.empty': 'No visits — drag a job here.',
  'dispatch.lane.emptyReadOnly': 'No visits.',
  'dispatch.locked': 'Locked: optimisation keeps it in place',
  'dispatch.remove': 'Take off the plan',
  'dispatch.removeNamed': 'Take off the plan: {name}',
  'dispatch.travel': '{minutes} min driving',
  'dispatch.visitTime': '{start}–{end}',
  'dispatch.serviceMinutes': '{minutes} min on site',
  'dispatch.unassigned.title': 'Unassigned',
  'dispatch.unassigned.empty': 'Every job of this day has a technician.',
  'dispatch.unassigned.hint': 'Drag a card onto a technician\'s lane, at its place on the time axis.',
  'dispatch.noSkills': 'no requirements',
  'dispatch.noLocation': 'no map position',
  'dispatch.emergency.insert': 'Insert emergency',
  'dispatch.emergency.inserting': 'Inserting…',
  'dispatch.emergency.inserted': 'Emergency at {customer}: {name} is on the way, arriving about {eta} ({minutes} min extra driving).',
  'dispatch.refused': 'This change breaks a planning rule and was not saved:',
  'dispatch.moved': 'Plan changed.',
  'dispatch.map': 'Route map',
  'dispatch.map.home': 'Home base: {label}',
  'dispatch.map.position': '{name} — position at {time}',
  'dispatch.map.legend': 'Route legend',
  'dispatch.reason.missing_skill': 'the technician lacks a required skill',
  'dispatch.reason.late_at_visit': 'a visit would start after its window ends',
  'dispatch.reason.late_back_at_end': 'the technician would be back after the shift ends',
  'dispatch.reason.over_capacity': 'too much work for one shift',
  'dispatch.reason.locked_elsewhere': 'the visit is locked to another technician',
  'dispatch.reason.locked_vehicle_cannot': 'the technician it is locked to cannot do it',
  'dispatch.reason.unreachable_in_shift': 'cannot be reached within a shift',
  'dispatch.reason.no_room': 'no room left in the plan',
  'dispatch.reason.no_location': 'the site has no map position',
  'dispatch.reason.no_technician': 'nobody works that day',
  'dispatch.reason.not_working': 'the technician does not work that day',
  'dispatch.reason.no_home_base': 'the technician has no home base to start and end the day',
  'dispatch.reason.range': 'that place in the route cannot be chosen',
  'dispatch.reason.no_qualified_technician': 'no technician has the required skills',
  'dispatch.reason.outside_window': 'nobody can make it within the window',
  'dispatch.reason.would_break_windows': 'it would make other agreed visits late',
  'dispatch.reason.past_shift_end': 'it would end after the shift',
  'skill.gas': 'gas',
  'skill.refrigeration': 'refrigeration',
  'skill.electrical': 'electrical',
  'skill.heat_pumps': 'heat pumps',
  'skill.ventilation': 'ventilation',
  'technicians.title': 'Technicians',
  'technicians.subtitle': 'Skills, certificates, home base and working hours.',
  'technicians.count': { one: '{count} technician', other: '{count} technicians' },
  'technicians.empty': 'No technicians yet.',
  'technicians.skills': 'Skills',
  'technicians.certificates': 'Certificates',
  'technicians.homeBase': 'Home base',
  'technicians.hours': 'Working hours',
  'technicians.vehicle': 'Vehicle',
  'technicians.none': 'none',
  'technicians.fgas': 'F-gas cat. {category}, no. {number}, until {date}',
  'technicians.sep': 'SEP no. {number}',
  'technicians.sepUntil': 'SEP no. {number}, until {date}',
  'technicians.expired': 'expired',
  'technicians.expiresSoon': 'expires soon',
  'technicians.dayOff': 'off',
  'technicians.inactive': 'inactive',
};

const dictionaries: { [L in Locale]: Dictionary<PluralForms> } = { pl, en };

// BCP 47 tags for Intl: Polish dates as in Poland; English with day-first dates, which Polish
// offices read without confusion.
const intlTags: { [L in Locale]: string } = { pl: 'pl-PL', en: 'en-GB' };

export function intlTagOf(locale: Locale): string {
  return intlTags[locale];
}

export const businessTimeZone = 'Europe/Warsaw';

export type Params = Record<string, string | number>;

function interpolate(template: string, params: Params | undefined): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (match: string, name: string) => {
    const value = params[name];
    return value === undefined ? match : String(value);
  });
}

export interface Translator {
  locale: Locale;
  t(key: MessageKey, params?: Params): string;
  plural(key: PluralKey, count: number, params?: Params): string;
  roleName(role: Role): string;
  formatDate(iso: string): string;
  formatDateTime(iso: string): string;
  // "09:30", Warsaw time.
  formatTime(iso: string): string;
  formatNumber(value: number): string;
  // "2 godz. temu", "wczoraj", "za 3 dni": for timelines, with formatDateTime as the exact value.
  formatRelative(iso: string, now?: number): string;
}

export function createTranslator(locale: Locale): Translator {
  const dictionary = dictionaries[locale];
  const tag = intlTags[locale];
  const pluralRules = new Intl.PluralRules(tag);
  const numberFormat = new Intl.NumberFormat(tag);
  const dateFormat = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeZone: businessTimeZone });
  const dateTimeFormat = new Intl.DateTimeFormat(tag, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: businessTimeZone,
  });

  const timeFormat = new Intl.DateTimeFormat(tag, { timeStyle: 'short', timeZone: businessTimeZone });

  const relativeFormat = new Intl.RelativeTimeFormat(tag, { numeric: 'auto', style: 'short' });

  const t = (key: MessageKey, params?: Params): string => interpolate(dictionary[key], params);

  const formatRelative = (iso: string, now: number = Date.now()): string => {
    const time = new Date(iso).getTime();
    if (Number.isNaN(time)) return iso;
    const seconds = (time - now) / 1000;
    const abs = Math.abs(seconds);
    if (abs < 45) return t('time.justNow');
    for (const [unit, size, limit] of relativeSteps) {
      if (abs < limit) return relativeFormat.format(Math.round(seconds / size), unit);
    }
    return relativeFormat.format(Math.round(seconds / yearSeconds), 'year');
  };

  return {
    locale,
    t,
    plural(key, count, params) {
      const forms = dictionary[key];
      const form = forms[pluralRules.select(count)] ?? forms.other;
      return interpolate(form, { ...params, count: numberFormat.format(count) });
    },
    roleName: (role) => t(`role.${role}`),
    formatDate: (iso) => formatOrRaw(dateFormat, iso),
    formatDateTime: (iso) => formatOrRaw(dateTimeFormat, iso),
    formatTime: (iso) => formatOrRaw(timeFormat, iso),
    formatNumber: (value) => numberFormat.format(value),
    formatRelative,
  };
}

const yearSeconds = 365 * 86_400;

// Unit, its length in seconds, and the age up to which it is used.
const relativeSteps: Array<[Intl.RelativeTimeFormatUnit, number, number]> = [
  ['minute', 60, 3_570],
  ['hour', 3_600, 86_400 - 1_800],
  ['day', 86_400, 7 * 86_400],
  ['week', 7 * 86_400, 30 * 86_400],
  ['month', 30 * 86_400, yearSeconds],
];

function formatOrRaw(format: Intl.DateTimeFormat, iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : format.format(date);
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

const storageKey = 'pasja.locale';

export function loadLocale(): Locale {
  try {
    const stored = window.localStorage.getItem(storageKey);
    if (isLocale(stored)) return stored;
  } catch {
    // Storage can be blocked (privacy mode); the default language still works.
  }
  return defaultLocale;
}

export function saveLocale(locale: Locale): void {
  try {
    window.localStorage.setItem(storageKey, locale);
  } catch {
    // Not persisting the choice is acceptable; the switch still applies to this page.
  }
}
