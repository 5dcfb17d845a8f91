# servqual English aspect terms: term<TAB>dimension[:weight]
# Written for cxsignals (CC0-1.0). Terms are case-folded and Snowball-stemmed at load time.

# --- tangibles ---
# facilities and furnishings
facilities	tangibles
premises	tangibles
building	tangibles
interior	tangibles
decor	tangibles
decoration	tangibles
furniture	tangibles
furnishings	tangibles
dining room	tangibles
dining area	tangibles
seating	tangibles
seat	tangibles
chair	tangibles
booth	tangibles:0.7
sofa	tangibles
carpet	tangibles
terrace	tangibles
patio	tangibles
lobby	tangibles
restroom	tangibles
toilet	tangibles
bathroom	tangibles
washroom	tangibles
room	tangibles:0.5
bed	tangibles:0.7
shower	tangibles
parking lot	tangibles
car park	tangibles
# equipment
equipment	tangibles
air conditioning	tangibles
heating	tangibles
wifi	tangibles
cutlery	tangibles
silverware	tangibles
glassware	tangibles
crockery	tangibles
tablecloth	tangibles
napkin	tangibles
# cleanliness and state
clean	tangibles
cleanliness	tangibles
dirty	tangibles
filthy	tangibles
spotless	tangibles
tidy	tangibles
messy	tangibles
shabby	tangibles
run down	tangibles
worn out	tangibles
outdated	tangibles
renovated	tangibles
refurbished	tangibles
modern	tangibles:0.7
lighting	tangibles
# appearance of personnel and printed material
uniform	tangibles
dress code	tangibles
well dressed	tangibles
appearance	tangibles
grooming	tangibles
menu card	tangibles
brochure	tangibles
website	tangibles:0.7
signage	tangibles

# --- reliability ---
reliable	reliability
reliability	reliability
unreliable	reliability
dependable	reliability
dependability	reliability
consistent	reliability
consistency	reliability
inconsistent	reliability
promise	reliability
promised	reliability
as promised	reliability
as advertised	reliability
as described	reliability
kept their word	reliability
broken promise	reliability
accurate	reliability
accuracy	reliability
inaccurate	reliability
correct order	reliability
wrong order	reliability
wrong dish	reliability
got our order wrong	reliability
mistake	reliability
error	reliability
mixed up	reliability
mix up	reliability
forgot	reliability
forgotten	reliability
missing item	reliability
never arrived	reliability
lost our reservation	reliability
lost our booking	reliability
double booked	reliability
overcharged	reliability
billing error	reliability
wrong bill	reliability
charged twice	reliability
on time	reliability
punctual	reliability
punctuality	reliability
late delivery	reliability
delay	reliability:0.5
right the first time	reliability
every time	reliability:0.5
dependably	reliability
guarantee	reliability:0.7

# --- responsiveness ---
responsive	responsiveness
unresponsive	responsiveness
responded	responsiveness
response	responsiveness
reply	responsiveness
replied	responsiveness
answered	responsiveness
quick	responsiveness
quickly	responsiveness
prompt	responsiveness
promptly	responsiveness
fast	responsiveness
speedy	responsiveness
swift	responsiveness
swiftly	responsiveness
immediately	responsiveness
right away	responsiveness
straight away	responsiveness
at once	responsiveness
in no time	responsiveness
within minutes	responsiveness
slow	responsiveness
slowly	responsiveness
waited	responsiveness
wait	responsiveness
waiting	responsiveness
kept us waiting	responsiveness
took forever	responsiveness
took ages	responsiveness
willing	responsiveness
willingness	responsiveness
unwilling	responsiveness
eager to help	responsiveness
happy to help	responsiveness
willing to help	responsiveness
helpful	responsiveness
unhelpful	responsiveness
helped	responsiveness
ignored	responsiveness
ignore	responsiveness
no one came	responsiveness
nobody came	responsiveness
flag down	responsiveness
checked on us	responsiveness
came over	responsiveness
refilled	responsiveness
refill	responsiveness
efficient	responsiveness
inefficient	responsiveness
busy	responsiveness:0.5
call back	responsiveness
called back	responsiveness
got back to us	responsiveness

# --- assurance ---
knowledge	assurance
knowledgeable	assurance
knew	assurance
expertise	assurance
expert	assurance
professional	assurance
professionalism	assurance
unprofessional	assurance
competent	assurance
competence	assurance
incompetent	assurance
skilled	assurance
skill	assurance
well trained	assurance
trained	assurance
untrained	assurance
experienced	assurance
inexperienced	assurance
courteous	assurance
courtesy	assurance
discourteous	assurance
polite	assurance
politeness	assurance
impolite	assurance
rude	assurance
rudeness	assurance
respectful	assurance
disrespectful	assurance
manners	assurance
trust	assurance
trustworthy	assurance
confidence	assurance
confident	assurance
reassuring	assurance
reassured	assurance
safe	assurance
safety	assurance
secure	assurance
honest	assurance
honesty	assurance
dishonest	assurance
explained	assurance
explanation	assurance
advice	assurance
advised	assurance
recommendation	assurance:0.7
qualified	assurance
credible	assurance
arrogant	assurance

# --- empathy ---
caring	empathy
cared	empathy
uncaring	empathy
personal attention	empathy
individual attention	empathy
personal touch	empathy
personalised	empathy
personalized	empathy
attentive	empathy
attentiveness	empathy
inattentive	empathy
understanding	empathy
understood	empathy
considerate	empathy
inconsiderate	empathy
thoughtful	empathy
thoughtfulness	empathy
kind	empathy
kindness	empathy
warm welcome	empathy
warmth	empathy
welcoming	empathy
made us feel welcome	empathy
felt at home	empathy
like family	empathy
compassion	empathy
compassionate	empathy
sympathetic	empathy
patient	empathy
patience	empathy
impatient	empathy
special request	empathy
special needs	empathy
dietary	empathy
allergy	empathy
allergies	empathy
accommodating	empathy
accommodated	empathy
went out of their way	empathy
extra mile	empathy
remembered	empathy
remembered our names	empathy
child friendly	empathy
kids	empathy:0.5
opening hours	empathy
open late	empathy
convenient hours	empathy
indifferent	empathy
indifference	empathy
cold shoulder	empathy
