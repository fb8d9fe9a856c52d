/** Swedish and Danish names, with the letters (å, ä, ö, æ, ø, é) that break careless encodings. */
export const FIRST_NAMES = [
	'Åsa',
	'Björn',
	'Märta',
	'Östen',
	'Sören',
	'Søren',
	'Ærø',
	'Mølle',
	'Linnéa',
	'Jönsson',
	'Anna',
	'Erik',
	'Karin',
	'Lars',
	'Maja',
	'Nils',
	'Sofia',
	'Oskar',
	'Ingrid',
	'Gustav',
	'Elsa',
	'Hugo',
	'Freja',
	'Magnus',
	'Astrid',
	'Bjørn',
	'Kåre',
	'Jörgen',
	'Dagný',
	'Göran',
];

export const LAST_NAMES = [
	'Åkesson',
	'Öberg',
	'Ängström',
	'Sjögren',
	'Bækgaard',
	'Møller',
	'Nørgaard',
	'Hælstrøm',
	'Lindström',
	'Häggblom',
	'Andersson',
	'Johansson',
	'Karlsson',
	'Nilsson',
	'Eriksson',
	'Larsson',
	'Olsson',
	'Persson',
	'Svensson',
	'Gustafsson',
	'Jensen',
	'Nielsen',
	'Hansen',
	'Pedersen',
	'Sørensen',
	'Kjær',
	'Løvgren',
	'Strøm',
	'Dahl',
	'Berg',
];

export const SCHOOL_NAMES = [
	'Åbyskolan',
	'Älvängens skola',
	'Östra gymnasiet',
	'Björkhagaskolan',
	'Sjöängsskolan',
	'Kvarnbyskolan',
	'Nørre Skole',
	'Strandskolen',
	'Løvåsskolan',
	'Hagaskolan',
];

/** Lower-case ASCII for e-mail local parts: å→a, ä→a, ö→o, æ→ae, ø→o, é→e. */
export function emailSafe(text: string): string {
	return text
		.toLowerCase()
		.replace(/[åä]/g, 'a')
		.replace(/æ/g, 'ae')
		.replace(/[öø]/g, 'o')
		.replace(/é/g, 'e')
		.replace(/[^a-z0-9]/g, '');
}
