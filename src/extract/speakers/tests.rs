use super::*;
use crate::extract::quotes;

fn speakers(text: &str) -> Vec<(String, Option<String>)> {
    let doc = Document::analyze(text, 0);
    let mut qs = quotes::find(text, &doc, &quotes::QuoteMarks::ALL);
    let spans: Vec<Span> = qs.iter().map(|q| q.span).collect();
    let names = Names::find(text, &doc, &spans);
    attribute(text, &doc, &names, &mut qs);
    qs.into_iter().map(|q| (q.text, q.speaker)).collect()
}

#[test]
fn attribution_patterns() {
    let cases: &[(&str, &[&str])] = &[
        ("Russian President Vladimir Putin spoke.\n“Trade grows,” Putin said at the meeting.", &["Vladimir Putin"]),
        ("Chinese Premier Li Qiang came.\n“Ties are high,” said Li, who had met others.", &["Li Qiang"]),
        ("Vladimir Putin met Li Qiang.\nHe also said they had “large-scale plans” for trade.", &["Vladimir Putin"]),
        ("Russian President Vladimir Putin on Wednesday hailed “flourishing” trade ties.", &["Vladimir Putin"]),
        ("Chinese Premier Li Qiang met Russian President Vladimir Putin.\nIn his remarks, the Chinese premier hailed efforts to “inject strong momentum” into ties.", &["Li Qiang"]),
        ("Speaking to Li, Prime Minister Mikhail Mishustin said Russia was “in a difficult situation” today.", &["Mikhail Mishustin"]),
        ("A spokesperson for China’s Foreign Ministry called on all sides not to “fuel the flame,” saying peace was near.", &["China’s Foreign Ministry spokesperson"]),
        ("Chinese Defense Minister Li Shangfu on Sunday hailed ties with Russian President Vladimir Putin.\n\"We have strong ties,\" he said.", &["Li Shangfu"]),
        ("“First part,” Jane Doe said. “Second part.”", &["Jane Doe", "Jane Doe"]),
        ("Senator Jane Doe said:\n“We will not back down.”", &["Jane Doe"]),
        ("Trump: “It is a disgrace.”", &["Trump"]),
        ("“Prices rose,” according to the central bank.", &["central bank"]),
        ("The report called it a “no limits” partnership.", &["report"]),
        ("“Nobody knows,” it said.", &[""]),
        ("Li said China would strengthen “all-round cooperation” and stressed ties.", &["Li"]),
        ("Vladimir Putin met with Chinese premier Li Qiang Wednesday.\n“Relations are high,” said Li.", &["Li Qiang"]),
        ("''Your letter is wrong,'' Mr. Coll wrote. ''I have concluded otherwise.''", &["Coll", "Coll"]),
        ("“It was nice,” added his campaign manager Jeff Weaver, speaking to CNN.", &["Jeff Weaver"]),
        ("“Not us!” Mike Murphy, the head of Right to Rise USA, tweeted on Friday.", &["Mike Murphy"]),
        ("Eric Fehrnstrom, a former adviser to Romney, said it is almost “impossible to catch up.”", &["Eric Fehrnstrom"]),
        ("Later, Donald Trump returned the compliment, telling Reuters, “Sheldon is an amazing man.”", &["Donald Trump"]),
        ("“Cruz could win in a landslide,” Viguerie concludes.", &["Viguerie"]),
        ("“If there had not been that intervention” by the United States and others, Hillary Clinton said, “we would be worse off.”", &["Hillary Clinton", "Hillary Clinton"]),
        ("Graham: Trump’s ‘Incredibly Hateful Rhetoric’ Destroying GOP’s Chance.", &["Graham"]),
        ("“I will fight,” Maria Espinoza said.\n“I am a proven champion.”\nThe race goes on.", &["Maria Espinoza", "Maria Espinoza"]),
        ("Trump said the rally was huge.\n“Nobody expected it.”\nCritics disagreed.", &[""]),
        ("Loretta Lynch announced the lawsuit on Monday. “We are seeking a court order today.”", &["Loretta Lynch"]),
        ("Donald Trump accused Ted Cruz of being “very queasy” on the issue.", &["Donald Trump"]),
        ("The two countries have a “no limits” partnership.", &[""]),
        ("Trump tells 3,000 in Reno NFL has gone ‘soft’ like the US.", &["Trump"]),
        ("Reince Priebus later told Fox News: “Both are meeting next week.”", &["Reince Priebus"]),
        ("During the debate, Hillary Clinton cracked, “I'm a progressive who likes to get things done.”", &["Hillary Clinton"]),
        ("The debate went on.\n“Americans are worried about their kids.”\n- Bernie Sanders.\nThe senator is wrong.", &["Bernie Sanders"]),
        ("Hillary Clinton, during a town hall in Columbus, Ohio, said she was “going to put miners out of business.”", &["Hillary Clinton"]),
        ("Ted Cruz accuses Obama of “leading from behind” and Donald Trump says he's “losing the war.”", &["Ted Cruz", "Donald Trump"]),
        ("Guns are “the ultimate public health crisis” and “stunt children’s growth,” Howard Dean, the former governor, proclaimed.", &["Howard Dean", "Howard Dean"]),
        ("“There won't be a path,” said one of those advisers, who spoke anonymously.", &["one of those advisers"]),
        ("“Cruz appeals to Reagan Democrats,” Richard Viguerie notes.", &["Richard Viguerie"]),
        ("Paul Ryan and Donald Trump will meet next week, Sean Spicer said, adding, “They need to talk.”", &["Sean Spicer"]),
        ("Perhaps it is ironic, given the efforts — which Apple's chief executive, Tim Cook, called “total political crap” — to tax it.", &["Tim Cook"]),
        ("After the meeting, the Security Council issued a statement calling the test “a clear violation” of law.", &["Security Council"]),
        ("In a White House statement, President Barack Obama condemned the test as “provocative” today.", &["Barack Obama"]),
        ("Acts of protest, Barack Obama said, are patriotic, whether sitting at a lunch counter or wearing a shirt with the words “I can't breathe,” he said.", &["Barack Obama"]),
        ("“The cause has not been determined,” said NYPD Commissioner James O’Neill.", &["James O’Neill"]),
        ("Japan branded North Korea an “outlaw nation in the neighborhood.” Russia insisted that Pyongyang stop.", &["Japan"]),
        ("Bernie Sanders made the following comment:\n“For young people it is hard.”", &["Bernie Sanders"]),
        ("Tom Scott beamed and asked the crowd to welcome the governor - “my new best friend.”", &["Tom Scott"]),
        ("Bemoaning the “phony system,” Donald Trump accused Lester Holt of bias.", &["Donald Trump"]),
        ("Trump ‘The Dealmaker’ Could Address Clean Energy, Lindsey Graham Says.\nLindsey Graham spoke on Monday.", &["Lindsey Graham"]),
        ("“This is a disgusting day,” said Rep. G.K. Butterfield (D-N.C.), head of the caucus.", &["G.K. Butterfield"]),
        ("Governor John Kasich resisted: “Governors do not have the power.”", &["John Kasich"]),
        ("That, the commission said, “would be helpful in avoiding uncertainty.”", &["commission"]),
        ("“I have never been prouder,” former State policy director Anne-Marie Slaughter wrote.", &["Anne-Marie Slaughter"]),
        ("Donald Trump issued the following statement:\n“Our prayers are with all those affected.”", &["Donald Trump"]),
        ("“We cannot have that,” Rep. John Mica (R-Fla.) said. “It destroys us.”", &["John Mica", "John Mica"]),
        ("Russia insisted that Pyongyang “stop its dangerous escapades.” The Atomic Energy Agency said more.", &["Russia"]),
        ("Mike Pence spoke.\n“PENCE: Gennifer Flowers will not be attending.", &["Mike Pence"]),
        ("The debate ended late.\n“Tonight showed Trump for who he really is.” ― Martha Aguilar", &["Martha Aguilar"]),
        ("Trump has used the phrase “Islamic terrorism” often in his campaign, and criticized Obama.", &["Trump"]),
        ("Hillary Clinton met Bernie Sanders.\nAlthough Anthony Weiner admitted they had “been friends for some time,” he claimed they never met.", &["Anthony Weiner"]),
        ("Sen. Elizabeth Warren (D-MA) said Donald Trump was a “proven failure” in business.", &["Elizabeth Warren"]),
        ("In a clip that Judge Michael Mosman called “distasteful,” Pete Santilli expressed a desire to “shoot” her.", &["Michael Mosman", "Pete Santilli"]),
        ("Hillary Clinton says Americans are “right to be angry,” but also hungry for what she calls “real solutions.”", &["Hillary Clinton", "Hillary Clinton"]),
    ];
    check(cases);
}

/// The shapes of attribution in news copy, each in sentences of our own.
#[test]
fn attribution_shapes() {
    let cases: &[(&str, &[&str])] = &[
        ("President Omar Diaz met the delegation.\nHe said via an interpreter: “We want peace.”", &["Omar Diaz"]),
        ("Ms. Vera Lind asked about the budget.\nMayor Tom Reyes replied: “There is no money left.”", &["Tom Reyes"]),
        ("Coach Ana Silva met Paul Hart at the airport.\nSilva bid him farewell, saying: “Come back soon.”", &["Ana Silva"]),
        ("“The vote was fair,” concluded Judge Ellen Park.", &["Ellen Park"]),
        ("“We reject the offer,” Ellen Park responded on Monday.", &["Ellen Park"]),
        ("“Nothing has changed,” Carl Dunn told reporters outside the court.", &["Carl Dunn"]),
        ("“The market is calm,” Vera Lind wrote in a memo.", &["Vera Lind"]),
        ("“Great crowd tonight!” Tom Reyes tweeted.", &["Tom Reyes"]),
        // A dash inside the quote is no signature.
        ("Readers wrote in.\n“We stood — all of us — for hours,” Maria Ortega said.", &["Maria Ortega"]),
        ("Readers wrote in.\n“We stood for hours — all of us —", &[""]),
        // Signed in its own paragraph, after a quote within the quote.
        ("Readers wrote in.\n“I would rather live in what he calls “hell” than vote for him.” ― Maria Ortega", &["Maria Ortega"]),
        ("“I will run again,” Ana Silva said.\n“The people want it.\nAnd I want it.”", &["Ana Silva", "Ana Silva"]),
        // An interview: the answers are the interviewee's, the questions nobody's.
        ("Mayor Dana Holt sat down with us on Monday.\nHolt spoke about the budget.\n“Q: Will you run again?\n“A: I will, and I will win.\n“Q: When?\n“A: Next spring.”", &["", "Dana Holt", "", "Dana Holt"]),
        // Names in capitals in a transcript.
        ("The debate transcript follows.\n“HOLT: We cut taxes.\n“DUNN: You raised them.”", &["HOLT", "DUNN"]),
    ];
    check(cases);
}

/// Pronouns, short names and roles resolved through the report.
#[test]
fn discourse() {
    let cases: &[(&str, &[&str])] = &[
        // "He said Dunn …" keeps the focus on the one speaking.
        ("Rep. Alan Moss met Sen. Carl Dunn on Monday.\nHe said Dunn would lose the vote.\n“I have the numbers,” he said.", &["Alan Moss"]),
        // An introductory phrase is not the subject.
        ("Gov. Ellen Park toured the state.\nAt a ceremony at the War Memorial Hall in Dayton, she praised the veterans.\n“You served us all,” she said.", &["Ellen Park"]),
        // Names inside a quote never take the focus.
        ("Mayor Tom Reyes spoke first.\n“I told Governor Ann Lee no,” he said.\n“We will not pay,” he added.", &["Tom Reyes", "Tom Reyes"]),
        // A title nobody else holds is the person in focus's.
        ("Rep. Alan Moss resigned on Monday.\n“I made mistakes,” the four-term congressman said.", &["Alan Moss"]),
        ("President Sam Ortiz spoke late.\nThe president himself responded on Twitter, calling the report “fake news.”", &["Sam Ortiz"]),
        // The subject after a dateline, a party tag or a leading clause.
        ("DAYTON — Gov. Ellen Park on Monday called the bill “reckless.”", &["Ellen Park"]),
        ("But Republican Sen. Paul Hart, R-Ohio, called the plan “a disgrace.”", &["Paul Hart"]),
        ("After reporter Vera Lind asked her question, Mayor Tom Reyes leaned in and said, “Leave now.”", &["Tom Reyes"]),
        // A later clause with a subject of its own holds the quote.
        ("Ann Lee watched the speech.\n“Go home,” she said, but as Tom Reyes went on about “the broken system,” the crowd left.", &["Ann Lee", "Tom Reyes"]),
        ("Ann Lee met Tom Reyes.\nShe argued that the vote gave Reyes “a rare chance” to change course.", &["Ann Lee"]),
        // A bare surname is the report's main person of that name, not the
        // relative named last.
        ("Mayor Dana Holt won a third term on Tuesday.\nHolt thanked voters in Riverside.\nHer brother, Kevin Holt, ran the campaign.\n“We did it together,” Holt said at the party on Wednesday night.", &["Dana Holt"]),
        ("Mayor Dana Holt won a third term on Tuesday.\nHer brother Kevin Holt ran the campaign.\n“It was a long year,” Kevin Holt said. “I am going fishing,” Holt added.", &["Kevin Holt", "Kevin Holt"]),
        // A role opening the sentence before it.
        ("President Sam Ortiz left for the summit.\nThe president brushed off the news on Friday, saying he had never met Dunn.\n\n“I do not know the man.”", &["Sam Ortiz"]),
        // A paragraph introducing the speaker, then the remark.
        ("Senator Vera Lind took the floor late on Monday.\n\n“This bill will not pass.”", &["Vera Lind"]),
        // A remark as the object of its sentence.
        ("In a long speech in Ohio, Vera Lind attacked “the quiet rot of this city, its debts, its broken roads.”", &["Vera Lind"]),
        // The agent of an owner, not the owner, is the subject.
        ("Ellen Park was charged on Friday.\nPark's lawyer, Mark Ruiz, said in a statement that the charges were false.\n“We will fight this,” he said.", &["Mark Ruiz"]),
        // A quote running straight into a noun names a thing, not a remark.
        ("President Sam Ortiz on Tuesday renewed his attack on his “fake news” Justice Department, and said the aide should be jailed.", &["Sam Ortiz"]),
        ("WASHINGTON — President Sam Ortiz made his first “Crooked Carl” Twitter post on Tuesday, accusing an aide of “breaking the rules.”", &["Sam Ortiz", "Sam Ortiz"]),
        ("A clerk who “takes a few dollars” goes to jail, Vera Lind said.", &["Vera Lind"]),
        ("The troops left.\n“This is a mistake,” Senator Vera Lind of Ohio, the top Democrat on the committee, said in a post.", &["Vera Lind"]),
        // The subject before a preposition's object.
        ("Protesters marching through the streets chanted “No more!” until dawn.", &["Protesters"]),
        ("Carl Dunn spoke to the council on Monday.\nDunn at the time said the plan was “plainly reckless” and costly.", &["Carl Dunn"]),
        // A subordinate clause after the quote attributes nothing.
        ("The ad shows Carl Dunn saying during the debate, “That makes me smart,” when Vera Lind attacked him.", &["Carl Dunn"]),
        // An appositive after an introductory phrase.
        ("Vera Lind fell ill.\nIn her 2003 book, Quiet Years, Lind described the illness.\nAfter saying her leg was “so swollen,” she was “rushed to the hospital” for tests.", &["Vera Lind", "Vera Lind"]),
        // A transcript turn running over paragraphs.
        ("“HOLT: We won the vote.\n“And we will win the next one.", &["HOLT", "HOLT"]),
    ];
    check(cases);
}

/// Sources a report describes rather than names.
#[test]
fn described_sources() {
    let cases: &[(&str, &[&str])] = &[
        ("“The talks are over,” a spokesman for the Interior Ministry said.", &["Interior Ministry spokesman"]),
        ("Sen. Carl Dunn was silent.\n“We have nothing to hide,” Dunn’s lawyer said.", &["Dunn lawyer"]),
        ("A spokesperson for Sen. Carl Dunn answered on Tuesday.\n“The senator farms his own land,” the spokesperson said.", &["Carl Dunn spokesperson"]),
        ("Ann Lee, the interior secretary, said in a statement on Friday that the ban was lifted.\n“The herds are healthy,” the statement said.", &["Ann Lee"]),
        ("“We are disappointed,” said the statement from his lawyer, Mark Ruiz.", &["Mark Ruiz"]),
        ("The Daily Ledger published its report on Monday.\nThe Daily Ledger’s report said the mayor had “misled the council.”", &["Daily Ledger"]),
        ("Carl Dunn resigned.\nMr. Dunn’s apology recalled his years “working the night shift at the mill.”", &["Carl Dunn"]),
        ("But the bill’s backers have called the veto “short-sighted and cruel,” saying it harms farmers.", &["bill backers"]),
        ("“The river is rising,” my father said.", &["my father"]),
        ("Police shot Carl Dunn on Monday.\nDunn’s family said the video was “a disgrace to the city” on Friday.", &["Dunn family"]),
        ("The race goes on.\nIndependent candidate Vera Lind’s doctor is calling her “extremely fit.”", &["Vera Lind doctor"]),
        ("Rep. Tom Reyes lost the vote.\n“We got crushed,” aides said Mr. Reyes told his colleagues.", &["Tom Reyes"]),
        ("Ann Lee was charged.\n“We are disappointed,” said the statement from her lawyer, Mark Ruiz.\nThe statement said Lee “denies any wrongdoing.”\n“She will be cleared,” the statement said.", &["Mark Ruiz", "Mark Ruiz", "Mark Ruiz"]),
        ("“Taxes will rise,” Leonard Ames, director of the Ridge Tax Center and a professor at the State University of Ohio, said on Monday.", &["Leonard Ames"]),
        ("“We delivered,” Ohio Rep. Tom Reyes, chairman of the House Ways and Means Committee, said on Sunday.", &["Tom Reyes"]),
    ];
    check(cases);
}

fn check(cases: &[(&str, &[&str])]) {
    for (text, want) in cases {
        let got: Vec<String> = speakers(text)
            .into_iter()
            .map(|(_, s)| s.unwrap_or_default())
            .collect();
        assert_eq!(got, *want, "{text}");
    }
}
