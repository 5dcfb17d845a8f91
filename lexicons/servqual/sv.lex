# servqual Swedish aspect terms: term<TAB>dimension[:weight]
# Written for cxsignals (CC0-1.0). Terms are case-folded and Snowball-stemmed at load time;
# a trailing * matches any word beginning with the prefix (for compounds).

# --- tangibles ---
# lokaler och inredning
lokal	tangibles
lokalen	tangibles
lokaler	tangibles
inredning*	tangibles
möbler	tangibles
möblering*	tangibles
interiör*	tangibles
matsal*	tangibles
sittplats*	tangibles
stol*	tangibles
soffa*	tangibles
terrass*	tangibles
uteservering*	tangibles
toalett*	tangibles
badrum*	tangibles
dusch*	tangibles
säng*	tangibles
rum	tangibles:0.5
rummet	tangibles:0.5
byggnad*	tangibles
parkering*	tangibles
# utrustning
utrustning*	tangibles
luftkonditionering*	tangibles
ventilation*	tangibles
wifi	tangibles
bestick	tangibles
porslin*	tangibles
glasen	tangibles:0.5
dukning*	tangibles
bordsduk*	tangibles
servett*	tangibles
# renlighet och skick
ren	tangibles
rent	tangibles
renlig*	tangibles
städning*	tangibles
städad*	tangibles
städat	tangibles
smutsig*	tangibles
skitig*	tangibles
stökig*	tangibles
sunkig*	tangibles
sliten	tangibles
slitna	tangibles
nedgången	tangibles
fräscha lokaler	tangibles
renoverad*	tangibles
nyrenoverad*	tangibles
omodern*	tangibles
belysning*	tangibles
# personalens utseende och trycksaker
uniform*	tangibles
klädsel*	tangibles
välklädd*	tangibles
prydlig*	tangibles
utseende*	tangibles
menykort*	tangibles
broschyr*	tangibles
hemsida*	tangibles:0.7
skylt*	tangibles

# --- reliability ---
pålitlig*	reliability
opålitlig*	reliability
tillförlitlig*	reliability
lovade	reliability
lovat	reliability
utlovad*	reliability
som utlovat	reliability
löfte*	reliability
höll vad de lovade	reliability
punktlig*	reliability
i tid	reliability
försenad*	reliability
försening*	reliability
felaktig*	reliability
fel beställning	reliability
fel rätt	reliability
fick fel	reliability
misstag	reliability
missade	reliability
glömde	reliability
glömt	reliability
bortglömd*	reliability
blandade ihop	reliability
korrekt*	reliability
rätt beställning	reliability
noggrann*	reliability
slarvig*	reliability
slarv	reliability
konsekvent*	reliability
jämn kvalitet	reliability
ojämn*	reliability
varje gång	reliability:0.5
överdebiter*	reliability
dubbelbokad*	reliability
dubbelbokning*	reliability
felräkn*	reliability
kom aldrig	reliability
saknades	reliability
garanti*	reliability
stämde	reliability
levererade	reliability
höll tiden	reliability

# --- responsiveness ---
snabb*	responsiveness
fort	responsiveness
direkt	responsiveness:0.7
genast	responsiveness
omedelbart	responsiveness
på en gång	responsiveness
på nolltid	responsiveness
inom några minuter	responsiveness
svarade	responsiveness
svarstid*	responsiveness
återkom*	responsiveness
ringde tillbaka	responsiveness
hjälpsam*	responsiveness
ohjälpsam*	responsiveness
hjälpte	responsiveness
hjälp	responsiveness:0.7
villig*	responsiveness
ovillig*	responsiveness
tillmötesgående	responsiveness
långsam*	responsiveness
seg	responsiveness
väntade	responsiveness
vänta	responsiveness
väntan	responsiveness
väntetid*	responsiveness
kö	responsiveness
köade	responsiveness
ignorerad*	responsiveness
ignorerade	responsiveness
ingen kom	responsiveness
kom aldrig tillbaka	responsiveness
påfyllning*	responsiveness
fyllde på	responsiveness
kollade till oss	responsiveness
tittade till oss	responsiveness
stressad*	responsiveness:0.5
upptagen	responsiveness:0.5
upptagna	responsiveness:0.5
dröjde	responsiveness
dröjsmål*	responsiveness
effektiv*	responsiveness
ineffektiv*	responsiveness
åtgärdade	responsiveness

# --- assurance ---
kunnig*	assurance
okunnig*	assurance
kunskap*	assurance
kompetent*	assurance
inkompetent*	assurance
kompetens*	assurance
professionell*	assurance
oprofessionell*	assurance
proffsig*	assurance
erfaren*	assurance
oerfaren*	assurance
utbildad*	assurance
skicklig*	assurance
expert*	assurance
artig*	assurance
oartig*	assurance
artighet*	assurance
hövlig*	assurance
ohövlig*	assurance
otrevlig*	assurance
oförskämd*	assurance
respektfull*	assurance
respektlös*	assurance
förtroende*	assurance
lita på	assurance
trygg*	assurance
otrygg*	assurance
säker	assurance
säkert	assurance
säkerhet*	assurance
ärlig*	assurance
oärlig*	assurance
förklarade	assurance
förklaring*	assurance
rekommenderade	assurance
rekommendation*	assurance:0.7
råd	assurance
rådgav	assurance
visste	assurance
hygien*	assurance
uppförande*	assurance
seriös*	assurance
oseriös*	assurance
arrogant*	assurance
nonchalant*	assurance

# --- empathy ---
omtänksam*	empathy
omtanke*	empathy
brydde sig	empathy
bryr sig	empathy
personlig*	empathy
opersonlig*	empathy
personligt bemötande	empathy
individuell*	empathy
anpassade	empathy
förstående	empathy
förståelse*	empathy
förstod	empathy
empati*	empathy
empatisk*	empathy
medkänsla	empathy
värme	empathy
varmt välkomnande	empathy
välkomnande	empathy
kände oss välkomna	empathy
som hemma	empathy
vänlig*	empathy
ovänlig*	empathy
tålmodig*	empathy
otålig*	empathy
tålamod*	empathy
uppmärksam*	empathy
ouppmärksam*	empathy
lyhörd*	empathy
specialönskemål*	empathy
önskemål*	empathy
allergi*	empathy
glutenfri*	empathy:0.7
barnvänlig*	empathy
barnstol*	empathy
kom ihåg	empathy
mindes	empathy
öppettid*	empathy
öppet sent	empathy
ansträngde sig	empathy
ställde upp	empathy
likgiltig*	empathy
ointresserad*	empathy
